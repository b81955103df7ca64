/**
 * The Histograms and Distributions dashboards: a card per tag and run (grouped by the
 * tag's prefix) for the runs selected in the shell, drawn as histograms (offset or
 * overlay) in the Histograms tab and as percentile bands in the Distributions tab. One
 * module, `tb_plugin_histograms/Dashboard`, serves both tabs: the shell's `pluginId` says
 * which it is.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { fetchTagIndex } from './api.js';
import { HistogramCard } from './HistogramCard.js';
import { loadSettings, saveSettings, viewOf, type HistogramSettings } from './settings.js';
import { Toolbar } from './Toolbar.js';
import './histograms.css';

export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const tagIndex = useFetched(() => fetchTagIndex(fetch), [fetch, reloadSignal]);
  const index = tagIndex.value;
  const error = tagIndex.error;
  const [stored, setSettings] = useState<HistogramSettings>(loadSettings);
  const settings = useMemo(() => ({ ...stored, view: viewOf(props.pluginId) }), [stored, props.pluginId]);
  const [filter, setFilter] = useState('');
  const versionOf = useRunVersions(props);

  const update = useCallback((next: HistogramSettings) => {
    setSettings(next);
    saveSettings(next);
  }, []);

  const selected = useMemo(() => new Set(selectedRuns), [selectedRuns]);
  const tags = useMemo(() => [...(index ?? new Map<string, string[]>())].filter(([, runs]) => runs.some((r) => selected.has(r))).map(([t]) => t), [index, selected]);

  const renderTag = (tag: string) =>
    selectedRuns
      .filter((run) => index?.get(tag)?.includes(run))
      .map((run) => (
        <HistogramCard
          key={`${tag}\u0000${run}`}
          tag={tag}
          run={run}
          color={runColors[run] ?? runColor(run)}
          fetch={fetch}
          settings={settings}
          darkMode={props.settings.darkMode}
          version={versionOf(run)}
        />
      ));

  let body;
  if (!index && error) body = <ErrorState title="Could not load the histogram tags" error={error} onRetry={tagIndex.retry} testId="histograms-error" />;
  else if (!index) body = <LoadingState label="Loading histograms…" testId="histograms-loading" />;
  else if (index.size === 0) {
    body = (
      <EmptyState title="No histogram data" testId="histograms-empty">
        No run has histograms yet. Log some with <code>tf.summary.histogram</code>, Keras's <code>TensorBoard(histogram_freq=1)</code> or
        PyTorch's <code>add_histogram</code>.
      </EmptyState>
    );
  } else if (tags.length === 0) {
    body = (
      <EmptyState title="No histograms for the selected runs" testId="histograms-no-tags">
        Select runs with histograms in the list on the left.
      </EmptyState>
    );
  } else {
    body = <TagGroups tags={tags} renderTag={renderTag} filter={filter} onFilterChange={setFilter} filterPlaceholder="Filter tags (regular expressions supported)" />;
  }

  return (
    <div class="tb-hist" data-testid={`${settings.view}-dashboard`}>
      <Toolbar settings={settings} onChange={update} />
      {index && error ? (
        <div class="tb-hist__note tb-hist__note--error" role="alert">
          Could not refresh the tags: {errorMessage(error)}
        </div>
      ) : null}
      {body}
    </div>
  );
}
