/**
 * Two runs side by side at the same step, for one tag (beyond TensorBoard: tb#5402).
 * One step slider and one sample slider move both sides; arrow keys step while the card
 * has focus; a run without an image at that step says so.
 */
import { Card, LoadingState, useVisible, type PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImageEntry } from './api.js';
import { ImageView } from './ImageView.js';
import { mergeSteps } from './merge-steps.js';
import { SampleSlider } from './SampleSlider.js';
import type { ImageSettings } from './settings.js';
import { StepControl } from './StepControl.js';
import { stepKeyHandler } from './step-keys.js';
import { useImages } from './use-images.js';

export interface CompareCardProps {
  readonly tag: string;
  readonly runs: readonly [string, string];
  readonly colors: readonly [string, string];
  /** The most images a step of this tag holds, in either run. */
  readonly samples: number;
  readonly fetch: PluginFetch;
  readonly settings: ImageSettings;
  readonly version: number;
  readonly onEnlarge: (entry: ImageEntry, title: string) => void;
}

export function CompareCard(props: CompareCardProps) {
  const { tag, runs } = props;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const [sample, setSample] = useState(0);
  const left = useImages(props.fetch, runs[0], tag, sample, props.version, visible);
  const right = useImages(props.fetch, runs[1], tag, sample, props.version, visible);
  const merged = mergeSteps(left.value ?? [], right.value ?? []);
  const [step, setStep] = useState<number | null>(null);
  useEffect(() => {
    if (merged.steps.length > 0 && (step === null || !merged.steps.includes(step))) setStep(merged.steps[merged.steps.length - 1]!);
  }, [merged.steps.join(',')]);

  const side = (i: 0 | 1, state: typeof left) => {
    const run = runs[i];
    const entry = state.value?.find((e) => e.step === step);
    return (
      <div class="tb-img__side" data-testid={`compare-${tag}-${i}`}>
        <div class="tb-img__run">
          <span class="tb-img__swatch" style={{ background: props.colors[i] }} />
          {run}
        </div>
        {!state.value ? (
          <LoadingState label="Loading…" />
        ) : entry ? (
          <ImageView entry={entry} settings={props.settings} alt={`${tag}, ${run}, step ${entry.step}`} testId={`compare-image-${tag}-${i}`} onEnlarge={() => props.onEnlarge(entry, `${tag} · ${run}`)} />
        ) : (
          <p class="tb-img__note">No image at step {step ?? '?'}.</p>
        )}
      </div>
    );
  };
  return (
    <div ref={ref} class="tb-img__slot tb-img__slot--wide" tabIndex={0} onKeyDown={stepKeyHandler(merged.steps, step, setStep)} data-testid={`compare-card-${tag}`}>
      <Card title={tag} subtitle={`${runs[0]} vs ${runs[1]}`} expandable={false}>
        <div class="tb-img__compare">
          {side(0, left)}
          {side(1, right)}
        </div>
        {step !== null && merged.steps.includes(step) && (
          <StepControl steps={merged.steps} wallTimes={merged.wallTimes} value={step} onChange={setStep} label={`Step of ${tag}, both runs`} testId={`compare-slider-${tag}`} />
        )}
        <SampleSlider samples={props.samples} value={sample} onChange={setSample} testId={`compare-sample-${tag}`} />
      </Card>
    </div>
  );
}
