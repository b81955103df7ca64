/**
 * The Histograms dashboard: a card per tag and run (grouped by the tag's prefix) for the
 * runs selected in the shell, shown as Histograms (offset or overlay) or Distributions.
 * Federated as `tb_plugin_histograms/Dashboard`; the shell passes {@link DashboardProps}.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, type DashboardProps } from '@tb/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fetchTagIndex, type TagIndex } from './api.js';
import { HistogramCard } from './HistogramCard.js';
import { loadSettings, saveSettings, type HistogramSettings } from './settings.js';
import { Toolbar } from './Toolbar.js';
import './histograms.css';

export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const [index, setIndex] = useState<TagIndex | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [settings, setSettings] = useState<HistogramSettings>(loadSettings);
  const [filter, setFilter] = useState('');
  // Per-run data versions: a reload bumps the runs that changed (all when unknown).
  const versions = useRef(new Map<string, number>());
  const lastSignal = useRef(reloadSignal);
  if (lastSignal.current !== reloadSignal) {
    lastSignal.current = reloadSignal;
    const changed = props.changedRuns.length > 0 ? props.changedRuns : [...(index?.values() ?? [])].flat();
    for (const run of changed) versions.current.set(run, (versions.current.get(run) ?? 0) + 1);
  }

  useEffect(() => {
    let live = true;
    fetchTagIndex(fetch).then(
      (i) => live && (setIndex(i), setError(null)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [fetch, reloadSignal, attempt]);

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
          version={versions.current.get(run) ?? 0}
        />
      ));

  let body;
  if (!index && error) body = <ErrorState title="Could not load the histogram tags" error={error} onRetry={() => setAttempt(attempt + 1)} testId="histograms-error" />;
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
    <div class="tb-hist" data-testid="histograms-dashboard">
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
