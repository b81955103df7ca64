/** Which image of a step to show, when the tag's steps hold several (TF2 `tf.summary.image`, `add_images`). */

export interface SampleSliderProps {
  /** The most images a step holds; nothing is drawn below 2. */
  readonly samples: number;
  readonly value: number;
  readonly onChange: (sample: number) => void;
  readonly testId: string;
}

export function SampleSlider(props: SampleSliderProps) {
  if (props.samples < 2) return null;
  return (
    <label class="tb-img__sample">
      <span data-testid={props.testId}>
        Sample {props.value + 1} of {props.samples}
      </span>
      <input type="range" min={0} max={props.samples - 1} value={props.value} aria-label="Sample" onInput={(e) => props.onChange(Number(e.currentTarget.value))} />
    </label>
  );
}
