/**
 * A row of joined toggle buttons of which one is on (a radio group), as the toolbar
 * uses for the x axis and the card width.
 */

/** One choice of a {@link Segmented}. */
export interface SegmentedOption<T extends string> {
  readonly value: T;
  /** The button's text. */
  readonly label: string;
  readonly title: string;
  /** Accessible name, when the text alone does not say it (e.g. "S"). */
  readonly ariaLabel?: string;
  readonly testId: string;
}

/** Props of {@link Segmented}. */
export interface SegmentedProps<T extends string> {
  /** The group's visible label and accessible name. */
  readonly label: string;
  readonly options: readonly SegmentedOption<T>[];
  readonly value: T;
  readonly onSelect: (value: T) => void;
}

/**
 * @example <Segmented label="X axis" options={axes} value={settings.xAxis} onSelect={(xAxis) => set({ xAxis })} />
 */
export function Segmented<T extends string>(props: SegmentedProps<T>) {
  return (
    <div class="tb-scalars__group" role="radiogroup" aria-label={props.label}>
      <span class="tb-scalars__label">{props.label}</span>
      <div class="tb-scalars__segments">
        {props.options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={props.value === o.value}
            aria-label={o.ariaLabel}
            class="tb-scalars__segment"
            title={o.title}
            data-testid={o.testId}
            onClick={() => props.onSelect(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
