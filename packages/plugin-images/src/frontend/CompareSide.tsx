/**
 * One side of a compare card: a picker among the runs that have the tag, then that
 * run's image at the shared step. Where it has none, it says so and offers its nearest
 * steps; a run without the tag (a 404) says that; any other failure is an error with a
 * retry. It never waits on a load that has failed.
 */
import { ErrorState, LoadingState, type Fetched } from '@tb/ui';
import { isNotFound, type ImageEntry } from './api.js';
import { ImageView } from './ImageView.js';
import { nearestSteps } from './nearest-steps.js';
import type { ImageSettings } from './settings.js';

export interface CompareSideProps {
  readonly tag: string;
  readonly side: 0 | 1;
  readonly run: string;
  /** The runs that have the tag, in run order: what the picker offers. */
  readonly choices: readonly string[];
  readonly onPick: (run: string) => void;
  readonly color: string;
  readonly images: Fetched<ImageEntry[]>;
  /** The shared step; null before either side has loaded one. */
  readonly step: number | null;
  readonly onStep: (step: number) => void;
  readonly settings: ImageSettings;
  readonly onEnlarge: (entry: ImageEntry, title: string) => void;
}

export function CompareSide(props: CompareSideProps) {
  const { tag, side, run, images, step } = props;
  const id = `${tag}-${side}`;
  const entries = images.value;
  const entry = entries?.find((e) => e.step === step);
  const atStep = step === null ? '' : `No image at step ${step}`;

  let body;
  if (isNotFound(images.error)) {
    body = (
      <p class="tb-img__note" data-testid={`compare-missing-${id}`}>
        {atStep ? `${atStep}: ` : ''}
        {run} has no “{tag}” images.
      </p>
    );
  } else if (images.error && !entries) {
    body = <ErrorState title={`Could not load the images of ${run}`} error={images.error} onRetry={images.retry} testId={`compare-error-${id}`} />;
  } else if (!entries) {
    body = <LoadingState label="Loading…" />;
  } else if (entry) {
    body = <ImageView entry={entry} settings={props.settings} alt={`${tag}, ${run}, step ${entry.step}`} testId={`compare-image-${id}`} onEnlarge={() => props.onEnlarge(entry, `${tag} · ${run}`)} />;
  } else if (entries.length === 0 || step === null) {
    body = (
      <p class="tb-img__note" data-testid={`compare-missing-${id}`}>
        {run} has no images of this sample.
      </p>
    );
  } else {
    const { before, after } = nearestSteps(
      entries.map((e) => e.step),
      step,
    );
    const go = (s: number) => (
      <button type="button" class="tb-img__link" data-testid={`compare-nearest-${id}-${s}`} onClick={() => props.onStep(s)}>
        step {s}
      </button>
    );
    body = (
      <p class="tb-img__note" data-testid={`compare-missing-${id}`}>
        {atStep}. Nearest: {before !== undefined && go(before)}
        {before !== undefined && after !== undefined && ', '}
        {after !== undefined && go(after)}
      </p>
    );
  }

  return (
    <div class="tb-img__side" data-testid={`compare-${id}`}>
      <label class="tb-img__run">
        <span class="tb-img__swatch" style={{ background: props.color }} />
        <select class="tb-img__select" aria-label={side === 0 ? 'Left run' : 'Right run'} data-testid={`compare-run-${id}`} value={run} onChange={(e) => props.onPick(e.currentTarget.value)}>
          {props.choices.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      {body}
    </div>
  );
}
