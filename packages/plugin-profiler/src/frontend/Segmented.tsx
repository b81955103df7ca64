/** A labelled row of toggle buttons choosing one value (group-by, chart kind, metric). */

/** Props of {@link Segmented}. */
export interface SegmentedProps<V extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly testId?: string;
}

/** @example <Segmented label="Group by" options={[{ value: 'a', label: 'A' }]} value="a" onChange={set} /> */
export function Segmented<V extends string>(props: SegmentedProps<V>) {
  return (
    <div class="tb-prof-segmented" role="group" aria-label={props.label} data-testid={props.testId}>
      <span class="tb-prof-segmented__label">{props.label}</span>
      {props.options.map((o) => (
        <button key={o.value} type="button" class="tb-prof-segmented__option" aria-pressed={o.value === props.value} data-value={o.value} onClick={() => props.onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
