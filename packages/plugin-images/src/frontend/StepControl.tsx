/**
 * The step slider under an image, with the step, its wall time and its time relative
 * to the first image kept (TensorBoard's "relative").
 */
import { StepSlider } from '@tb/ui';
import { formatDuration } from './duration.js';

export interface StepControlProps {
  readonly steps: readonly number[];
  /** Wall time (seconds) of each step, parallel to `steps`. */
  readonly wallTimes: readonly number[];
  readonly value: number;
  readonly onChange: (step: number) => void;
  readonly label: string;
  readonly testId: string;
}

export function StepControl(props: StepControlProps) {
  const index = props.steps.indexOf(props.value);
  const first = props.wallTimes[0];
  const wall = props.wallTimes[index];
  return (
    <div class="tb-img__step">
      <StepSlider steps={props.steps} wallTimes={props.wallTimes} value={props.value} onChange={props.onChange} label={props.label} testId={props.testId} />
      {first !== undefined && wall !== undefined && (
        <span class="tb-img__relative" title="Time since the first image kept" data-testid={`${props.testId}-relative`}>
          relative {formatDuration(wall - first)}
        </span>
      )}
    </div>
  );
}
