/**
 * A card for one (tag, run): a step slider with the step and its time, and that step's
 * text as HTML. Arrow keys step through the text while the card has focus; new steps
 * are followed when the card shows the newest one. It fetches only when on screen.
 */
import { Card, ErrorState, LoadingState, nextStep, stepForKey, StepSlider, useFetched, useVisible, type PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchText } from './api.js';
import { SafeHtml } from './SafeHtml.js';

export interface TextCardProps {
  readonly tag: string;
  readonly run: string;
  readonly color: string;
  readonly fetch: PluginFetch;
  /** Render markdown (else the text as written). */
  readonly markdown: boolean;
  /** Changes when the run may have new text. */
  readonly version: number;
}

export function TextCard(props: TextCardProps) {
  const { tag, run, markdown } = props;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const [wide, setWide] = useState(false);
  const { value: entries, error, retry } = useFetched(() => fetchText(props.fetch, run, tag, markdown), [props.fetch, run, tag, markdown, props.version], visible);
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
  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    const to = stepForKey(e.key, steps, step);
    if (to === undefined || to === step) return;
    e.preventDefault();
    choose(to);
  };
  const entry = entries?.find((e) => e.step === step);

  const id = `${run}-${tag}`;
  let body;
  if (error && !entries) body = <ErrorState title="Could not load the text" error={error} onRetry={retry} />;
  else if (!entries) body = <LoadingState label="Loading…" />;
  else if (!entry) body = <p class="tb-text__note">No text for this run yet.</p>;
  else {
    body = (
      <>
        <StepSlider steps={steps} wallTimes={entries.map((e) => e.wallTime)} value={entry.step} onChange={choose} label={`Step of ${tag} (${run})`} testId={`slider-${id}`} />
        <SafeHtml
          html={entry.html}
          class={markdown ? 'tb-text__html' : 'tb-text__html tb-text__html--plain'}
          testId={`text-${id}`}
          step={entry.step}
        />
      </>
    );
  }
  return (
    <div ref={ref} class={wide ? 'tb-text__slot tb-text__slot--wide' : 'tb-text__slot'} tabIndex={0} onKeyDown={onKeyDown} data-testid={`card-${id}`}>
      <Card
        title={tag}
        subtitle={
          <span class="tb-text__run">
            <span class="tb-text__swatch" style={{ background: props.color }} />
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
