/**
 * A slider over the steps that have a sample (images, histograms, embeddings): shows the
 * chosen step and its wall time; arrow keys move one sample, Home/End to the ends.
 */

/** Props of {@link StepSlider}. */
export interface StepSliderProps {
  /** Steps that have a sample, ascending. */
  readonly steps: readonly number[];
  /** Wall time (seconds since the epoch) of each step's sample, parallel to `steps`. */
  readonly wallTimes?: readonly number[];
  /** The chosen step; a step between samples shows the sample before it. */
  readonly value: number;
  readonly onChange: (step: number) => void;
  /** Accessible name of the slider. */
  readonly label?: string;
  readonly testId?: string;
}

/** Index of the last step <= `value` (0 when `value` precedes them all). */
export function stepIndex(steps: readonly number[], value: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const KEY_DELTA: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 };

/**
 * @example <StepSlider steps={[0, 100, 200]} value={step} onChange={setStep} />
 */
export function StepSlider(props: StepSliderProps) {
  const { steps } = props;
  const last = steps.length - 1;
  const index = stepIndex(steps, props.value);
  const go = (i: number) => {
    const clamped = Math.min(last, Math.max(0, i));
    if (clamped !== index && steps[clamped] !== undefined) props.onChange(steps[clamped]);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = KEY_DELTA[e.key];
    let target: number | undefined;
    if (delta !== undefined) target = index + delta;
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = last;
    if (target === undefined) return;
    e.preventDefault();
    go(target);
  };
  const wall = props.wallTimes?.[index];
  return (
    <div class="tb-step-slider" data-testid={props.testId}>
      <div class="tb-step-slider__labels">
        <span class="tb-step-slider__step" data-testid={props.testId ? `${props.testId}-step` : undefined}>
          {steps.length === 0 ? 'No steps' : `Step ${steps[index]!.toLocaleString('en-US')}`}
        </span>
        {wall !== undefined && <span class="tb-step-slider__time">{new Date(wall * 1000).toLocaleString()}</span>}
      </div>
      <input
        class="tb-step-slider__input"
        type="range"
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={index}
        disabled={steps.length < 2}
        aria-label={props.label ?? 'Step'}
        aria-valuetext={steps.length ? `step ${steps[index]}` : 'no steps'}
        onInput={(e) => go(Number(e.currentTarget.value))}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
