/**
 * A card for one (tag, run): the image at the chosen step, a step slider with the step
 * and its time, a sample slider when a step holds several images. Arrow keys step
 * through the images while the card has focus; new steps are followed when the card
 * shows the newest one.
 */
import { Card, ErrorState, LoadingState, nextStep, stepKeyHandler, useVisible, type PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImageEntry } from './api.js';
import { MAX_IMAGE_HEIGHT } from './display-size.js';
import { ImageView } from './ImageView.js';
import { SampleSlider } from './SampleSlider.js';
import type { ImageSettings } from './settings.js';
import { StepControl } from './StepControl.js';
import { useImages } from './use-images.js';

/** How much of the window's height an expanded card's image may take. */
const EXPANDED_HEIGHT_SHARE = 0.7;

export interface ImageCardProps {
  readonly tag: string;
  readonly run: string;
  /** The most images a step of this tag holds. */
  readonly samples: number;
  readonly color: string;
  readonly fetch: PluginFetch;
  readonly settings: ImageSettings;
  /** Changes when the run may have new images. */
  readonly version: number;
  readonly onEnlarge: (entry: ImageEntry, title: string) => void;
}

export function ImageCard(props: ImageCardProps) {
  const { tag, run } = props;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const [wide, setWide] = useState(false);
  const [sample, setSample] = useState(0);
  const { value: entries, error, retry } = useImages(props.fetch, run, tag, sample, props.version, visible);
  const [step, setStep] = useState<number | null>(null);
  const atLatest = useRef(true);

  const steps = entries?.map((e) => e.step) ?? [];
  useEffect(() => {
    if (entries) setStep((previous) => nextStep(previous, atLatest.current, entries.map((e) => e.step)));
  }, [entries]);

  const choose = (s: number) => {
    atLatest.current = s === steps[steps.length - 1];
    setStep(s);
  };
  const entry = entries?.find((e) => e.step === step);

  const id = `${run}-${tag}`;
  let body;
  if (error && !entries) body = <ErrorState title="Could not load the images" error={error} onRetry={retry} />;
  else if (!entries) body = <LoadingState label="Loading…" />;
  else if (!entry) body = <p class="tb-img__note">No images for this run{props.samples > 1 ? ' and sample' : ''} yet.</p>;
  else {
    body = (
      <>
        <ImageView
          entry={entry}
          settings={props.settings}
          alt={`${tag}, ${run}, step ${entry.step}`}
          testId={`image-${id}`}
          maxHeight={wide ? Math.round(window.innerHeight * EXPANDED_HEIGHT_SHARE) : MAX_IMAGE_HEIGHT}
          onEnlarge={() => props.onEnlarge(entry, `${tag} · ${run}`)}
        />
        <StepControl steps={steps} wallTimes={entries.map((e) => e.wallTime)} value={entry.step} onChange={choose} label={`Step of ${tag} (${run})`} testId={`slider-${id}`} />
        <SampleSlider samples={props.samples} value={sample} onChange={setSample} testId={`sample-${id}`} />
      </>
    );
  }
  return (
    <div ref={ref} class={wide ? 'tb-img__slot tb-img__slot--wide tb-img__slot--expanded' : 'tb-img__slot'} tabIndex={0} onKeyDown={stepKeyHandler(steps, step, choose)} data-testid={`card-${id}`}>
      <Card
        title={tag}
        subtitle={
          <span class="tb-img__run">
            <span class="tb-img__swatch" style={{ background: props.color }} />
            {run}
          </span>
        }
        onExpandedChange={setWide}
      >
        {body}
      </Card>
    </div>
  );
}
