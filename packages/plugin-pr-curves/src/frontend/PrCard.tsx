/**
 * A tag's card: the PR curves of the selected runs that have the tag, overlaid, at the
 * step the card's slider picks (each run at its nearest step at or below it; the latest
 * step until the user moves the slider), with a legend saying which step each run shows.
 */
import { Card, ErrorState, LoadingState, RunName, StepSlider, useFetched, type PluginFetch } from '@tb/ui';
import { useMemo, useState } from 'preact/hooks';
import { fetchCurves } from './api.js';
import { PrChart, type ChartLine } from './PrChart.js';
import { entryAtOrBelow, mergeSteps } from './steps.js';

/** Props of {@link PrCard}. */
export interface PrCardProps {
  readonly tag: string;
  /** The tag's display name, when it differs from the tag. */
  readonly displayName?: string;
  /** The selected runs that have the tag, in run order (at least one). */
  readonly runs: readonly string[];
  readonly colorOf: (run: string) => string;
  readonly fetch: PluginFetch;
  /** Changes when any of the runs may have new data. */
  readonly version: number;
}

/** @example <PrCard tag="pr/digit_4" runs={['adam/validation']} colorOf={c} fetch={fetch} version={0} /> */
export function PrCard(props: PrCardProps) {
  const { tag, runs, fetch } = props;
  const runsKey = runs.join('\u0000');
  const curves = useFetched(() => fetchCurves(fetch, tag, runs), [fetch, tag, runsKey, props.version]);
  /** The step the user chose; null follows the latest. */
  const [chosen, setChosen] = useState<number | null>(null);
  const merged = useMemo(() => mergeSteps(curves.value ?? {}), [curves.value]);
  const step = chosen ?? merged.steps[merged.steps.length - 1] ?? 0;
  const shown = useMemo(
    () =>
      runs.map((run) => {
        const entry = entryAtOrBelow(curves.value?.[run] ?? [], step);
        return { run, color: props.colorOf(run), entry };
      }),
    [curves.value, runsKey, step, props.colorOf],
  );
  const lines = useMemo(() => shown.flatMap((s): ChartLine[] => (s.entry ? [{ run: s.run, color: s.color, entry: s.entry }] : [])), [shown]);

  let body;
  if (!curves.value && curves.error) body = <ErrorState title={`Could not load the PR curves of ${tag}`} error={curves.error} onRetry={curves.retry} />;
  else if (!curves.value) body = <LoadingState label="Loading PR curves…" />;
  else {
    body = (
      <>
        <PrChart lines={lines} testId="pr-chart" />
        <StepSlider
          steps={merged.steps}
          wallTimes={merged.wallTimes}
          value={step}
          onChange={(s) => setChosen(s === merged.steps[merged.steps.length - 1] ? null : s)}
          label={`Step of ${tag}`}
          testId="pr-step"
        />
        <ul class="tb-pr-legend" data-testid="pr-legend">
          {shown.map((s) => (
            <li key={s.run} class={s.entry ? 'tb-pr-legend__item' : 'tb-pr-legend__item tb-pr-legend__item--none'} data-run={s.run}>
              <span class="tb-pr-chart__swatch" style={{ background: s.color }} />
              <RunName name={s.run} />
              <span class="tb-pr-legend__step">{s.entry ? ` step ${s.entry.step.toLocaleString('en-US')}` : ` no step at or before ${step.toLocaleString('en-US')}`}</span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <Card title={props.displayName ?? tag} subtitle={props.displayName ? tag : undefined} testId={`pr-card-${tag}`} class="tb-pr-card">
      {body}
    </Card>
  );
}
