/**
 * A card for one (tag, run): the image at the chosen step, a step slider with the step
 * and its time, a sample slider when a step holds several images. Left and right arrow
 * keys step through the images while the card has focus; new steps are followed when
 * the card shows the newest one.
 */
import { Card, ErrorState, LoadingState, StepSlider, useVisible, type PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { nextStep } from './follow.js';
import { ImageView } from './ImageView.js';
import type { ImageEntry } from './api.js';
import type { ImageSettings } from './settings.js';
import { useImages } from './use-images.js';

export interface ImageCardProps {
  readonly tag: string;
  readonly run: string;
  readonly samples: number;
  readonly color: string;
  readonly fetch: PluginFetch;
  readonly settings: ImageSettings;
  readonly version: number;
  readonly onEnlarge: (entry: ImageEntry, title: string) => void;
}

export function ImageCard(props: ImageCardProps) {
  const { tag, run } = props;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const [sample, setSample] = useState(0);
  const { value: entries, error, retry } = useImages(props.fetch, run, tag, sample, props.version, visible);
  const [step, setStep] = useState<number | null>(null);
  const atLatest = useRef(true);

  const steps = entries?.map((e) => e.step) ?? [];
  useEffect(() => {
    if (!entries) return;
    setStep((previous) => nextStep(previous, atLatest.current, entries.map((e) => e.step)));
  }, [entries]);

  const choose = (s: number) => {
    atLatest.current = s === steps[steps.length - 1];
    setStep(s);
  };
  const index = step === null ? -1 : steps.indexOf(step);
  const entry = index >= 0 ? entries![index] : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT' || index < 0) return;
    const delta = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    const target = steps[index + delta];
    if (delta !== 0 && target !== undefined) {
      e.preventDefault();
      choose(target);
    }
  };

  const id = `${run}-${tag}`;
  let body;
  if (error && !entries) body = <ErrorState title="Could not load the images" error={error} onRetry={retry} />;
  else if (!entries) body = <LoadingState label="Loading…" />;
  else if (!entry) body = <p class="tb-img__note">No images for this run{props.samples > 1 ? ' and sample' : ''} yet.</p>;
  else {
    body = (
      <>
        <ImageView entry={entry} settings={props.settings} alt={`${tag}, ${run}, step ${entry.step}`} testId={`image-${id}`} onEnlarge={() => props.onEnlarge(entry, `${tag} · ${run}`)} />
        <StepSlider steps={steps} wallTimes={entries.map((e) => e.wallTime)} value={entry.step} onChange={choose} label={`Step of ${tag} (${run})`} testId={`slider-${id}`} />
        {props.samples > 1 && (
          <label class="tb-img__sample">
            <span data-testid={`sample-${id}`}>
              Sample {sample + 1} of {props.samples}
            </span>
            <input type="range" min={0} max={props.samples - 1} value={sample} aria-label="Sample" onInput={(e) => setSample(Number(e.currentTarget.value))} />
          </label>
        )}
      </>
    );
  }
  return (
    <div ref={ref} class="tb-img__slot" tabIndex={0} onKeyDown={onKeyDown} data-testid={`card-${id}`}>
      <Card
        title={tag}
        subtitle={
          <span class="tb-img__run">
            <span class="tb-img__swatch" style={{ background: props.color }} />
            {run}
          </span>
        }
      >
        {body}
      </Card>
    </div>
  );
}
