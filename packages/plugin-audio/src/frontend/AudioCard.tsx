/**
 * A card for one (tag, run): every clip of the chosen step, each with its player, label
 * and download link, under a step slider with the step and its time. New steps are
 * followed while the card shows the newest one.
 */
import { Card, ErrorState, LoadingState, nextStep, RunName, StepSlider, useFetched, useVisible, type PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchClips, type TagRunInfo } from './api.js';
import { ClipView } from './ClipView.js';
import { clipFileName } from './file-name.js';

export interface AudioCardProps {
  readonly tag: string;
  readonly run: string;
  readonly info: TagRunInfo;
  readonly color: string;
  readonly fetch: PluginFetch;
  /** Changes when the run may have new clips. */
  readonly version: number;
}

export function AudioCard(props: AudioCardProps) {
  const { tag, run, info } = props;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const { value: steps, error, retry } = useFetched(() => fetchClips(props.fetch, run, tag, info.samples), [props.fetch, run, tag, info.samples, props.version], visible);
  const [step, setStep] = useState<number | null>(null);
  const atLatest = useRef(true);

  const stepList = steps?.map((s) => s.step) ?? [];
  useEffect(() => {
    if (steps) setStep((previous) => nextStep(previous, atLatest.current, steps.map((s) => s.step)));
  }, [steps]);
  const choose = (s: number) => {
    atLatest.current = s === stepList[stepList.length - 1];
    setStep(s);
  };
  const current = steps?.find((s) => s.step === step);

  const id = `${run}-${tag}`;
  let body;
  if (error && !steps) body = <ErrorState title="Could not load the audio" error={error} onRetry={retry} />;
  else if (!steps) body = <LoadingState label="Loading…" />;
  else if (!current) body = <p class="tb-audio__note">No audio for this run yet.</p>;
  else {
    const many = current.clips.length > 1;
    body = (
      <>
        <div class="tb-audio__clips">
          {current.clips.map((clip) => (
            <ClipView
              key={`${current.step}:${clip.sample}`}
              clip={clip}
              fallbackLabel={many ? `Sample ${clip.sample + 1}` : ''}
              fileName={clipFileName(tag, run, current.step, clip.sample, clip.contentType, info.samples)}
              title={`${tag}, ${run}, step ${current.step}${many ? `, sample ${clip.sample + 1}` : ''}`}
              testId={`clip-${id}-${clip.sample}`}
            />
          ))}
        </div>
        <StepSlider steps={stepList} wallTimes={steps.map((s) => s.wallTime)} value={current.step} onChange={choose} label={`Step of ${tag} (${run})`} testId={`slider-${id}`} />
      </>
    );
  }
  return (
    <div ref={ref} class="tb-audio__slot" data-testid={`card-${id}`}>
      <Card
        title={tag}
        subtitle={
          <span class="tb-audio__run">
            <span class="tb-audio__swatch" style={{ background: props.color }} />
            <RunName name={run} />
          </span>
        }
      >
        {info.description && <div class="tb-audio__description" dangerouslySetInnerHTML={{ __html: info.description }} />}
        {body}
      </Card>
    </div>
  );
}
