/**
 * A card for one (tag, run): fetches its histograms or distributions when it comes into
 * view and again on each reload signal that concerns its run, and draws them.
 */
import { Card, ErrorState, LoadingState, useFetched, useVisible, type PluginFetch } from '@tb/ui';
import { useRef } from 'preact/hooks';
import { fetchDistributions, fetchHistograms, type StepDistribution, type StepHistogram } from './api.js';
import { DistributionChart } from './DistributionChart.js';
import { HistogramChart } from './HistogramChart.js';
import type { CardSettings } from './settings.js';

export interface HistogramCardProps {
  readonly tag: string;
  readonly run: string;
  readonly color: string;
  readonly fetch: PluginFetch;
  readonly settings: CardSettings;
  readonly darkMode: boolean;
  /** Changes when this run may have new data. */
  readonly version: number;
}

type Loaded = { view: 'histograms'; data: StepHistogram[] } | { view: 'distributions'; data: StepDistribution[] };

export function HistogramCard(props: HistogramCardProps) {
  const { tag, run, fetch, settings } = props;
  const ref = useRef<HTMLDivElement>(null);
  const visible = useVisible(ref);
  const { value: loaded, error, retry } = useFetched<Loaded>(
    () =>
      settings.view === 'histograms'
        ? fetchHistograms(fetch, run, tag).then((data) => ({ view: 'histograms', data }))
        : fetchDistributions(fetch, run, tag).then((data) => ({ view: 'distributions', data })),
    [fetch, run, tag, settings.view, props.version],
    visible,
  );

  const id = `${settings.view === 'histograms' ? 'hist' : 'dist'}-${run}-${tag}`;
  let body;
  if (error && !loaded) body = <ErrorState title="Could not load this tag" error={error} onRetry={retry} />;
  else if (!loaded || loaded.view !== settings.view) body = <LoadingState label="Loading…" />;
  else if (loaded.data.length === 0) body = <p class="tb-hist__note">No data for this run yet.</p>;
  else if (loaded.view === 'histograms') {
    body = <HistogramChart data={loaded.data} mode={settings.mode} color={props.color} darkMode={props.darkMode} testId={id} />;
  } else body = <DistributionChart data={loaded.data} xAxis={settings.xAxis} color={props.color} testId={id} />;

  return (
    <div ref={ref} class="tb-hist__slot">
      <Card
        title={tag}
        subtitle={
          <span class="tb-hist__run">
            <span class="tb-hist__swatch" style={{ background: props.color }} />
            {run}
          </span>
        }
        testId={`card-${run}-${tag}`}
      >
        {body}
      </Card>
    </div>
  );
}
