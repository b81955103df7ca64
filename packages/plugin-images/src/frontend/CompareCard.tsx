/**
 * Two runs side by side at the same step, for one tag (beyond TensorBoard: tb#5402).
 * Each side picks among the runs that have the tag; one step slider and one sample
 * slider move both sides; arrow keys step while the card has focus; a side without an
 * image at that step says so and offers its nearest steps.
 */
import { Card, stepKeyHandler, useVisible, type PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImageEntry } from './api.js';
import { pickSide, type ComparePair } from './compare-pair.js';
import { CompareSide } from './CompareSide.js';
import { mergeSteps } from './merge-steps.js';
import { SampleSlider } from './SampleSlider.js';
import type { ImageSettings } from './settings.js';
import { StepControl } from './StepControl.js';
import { useImages } from './use-images.js';

export interface CompareCardProps {
  readonly tag: string;
  /** The runs that have the tag, in run order. */
  readonly choices: readonly string[];
  /** The runs shown; the right one is null when no other run has the tag. */
  readonly pair: ComparePair;
  /** Told when the user picks another run for a side. */
  readonly onPick: (pair: readonly [string, string]) => void;
  readonly colorOf: (run: string) => string;
  /** The most images a step of this tag holds, in either run. */
  readonly samples: number;
  readonly fetch: PluginFetch;
  readonly settings: ImageSettings;
  /** Changes when either run may have new images. */
  readonly version: number;
  readonly onEnlarge: (entry: ImageEntry, title: string) => void;
}

export function CompareCard(props: CompareCardProps) {
  const { tag, pair } = props;
  const [leftRun, rightRun] = pair;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const [sample, setSample] = useState(0);
  const left = useImages(props.fetch, leftRun, tag, sample, props.version, visible);
  const right = useImages(props.fetch, rightRun ?? '', tag, sample, props.version, visible && rightRun !== null);
  const merged = mergeSteps(left.value ?? [], right.value ?? []);
  const [step, setStep] = useState<number | null>(null);
  useEffect(() => {
    if (merged.steps.length > 0 && (step === null || !merged.steps.includes(step))) setStep(merged.steps[merged.steps.length - 1]!);
  }, [merged.steps.join(',')]);

  const common = { tag, choices: props.choices, step, onStep: setStep, settings: props.settings, onEnlarge: props.onEnlarge };
  const pick = (side: 0 | 1) => (run: string) => {
    if (rightRun !== null) props.onPick(pickSide([leftRun, rightRun], side, run));
  };
  return (
    <div ref={ref} class="tb-img__slot tb-img__slot--wide" tabIndex={0} onKeyDown={stepKeyHandler(merged.steps, step, setStep)} data-testid={`compare-card-${tag}`}>
      <Card title={tag} subtitle={rightRun === null ? leftRun : `${leftRun} vs ${rightRun}`} expandable={false}>
        <div class="tb-img__compare">
          <CompareSide {...common} side={0} run={leftRun} onPick={pick(0)} color={props.colorOf(leftRun)} images={left} />
          {rightRun === null ? (
            <div class="tb-img__side" data-testid={`compare-${tag}-1`}>
              <p class="tb-img__note" data-testid={`compare-missing-${tag}-1`}>
                No other run has “{tag}” images to compare with.
              </p>
            </div>
          ) : (
            <CompareSide {...common} side={1} run={rightRun} onPick={pick(1)} color={props.colorOf(rightRun)} images={right} />
          )}
        </div>
        {step !== null && merged.steps.includes(step) && (
          <StepControl steps={merged.steps} wallTimes={merged.wallTimes} value={step} onChange={setStep} label={`Step of ${tag}, both runs`} testId={`compare-slider-${tag}`} />
        )}
        <SampleSlider samples={props.samples} value={sample} onChange={setSample} testId={`compare-sample-${tag}`} />
      </Card>
    </div>
  );
}
