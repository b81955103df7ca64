/**
 * The Graphs dashboard: the model graph of a run, grouped by name scope as TensorBoard's
 * graph explorer shows it, with repeated blocks folded into series. Pick the run and the
 * graph (op graph, op graph with run metadata, Keras conceptual graph, a library
 * function); open scopes, search, trace a node's inputs and outputs, colour by structure,
 * device, compute time or memory, and download the view.
 */
import { EmptyState, ErrorState, LoadingState, errorMessage, useFetched, type DashboardProps } from '@tb/ui';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { defaultSource, fetchGraph, fetchSources } from './api.js';
import { Explorer } from './Explorer.js';
import { createLayoutClient } from './layout-client.js';
import { loadSettings, saveSettings, type GraphSettings } from './settings.js';
import { createTextMeasure } from './text-width.js';
import './graphs.css';

/** The dashboard the shell mounts as this plugin's tab. */
export default function Dashboard(props: DashboardProps) {
  const { fetch, reloadSignal, selectedRuns } = props;
  const info = useFetched(() => fetchSources(fetch), [fetch, reloadSignal]);
  const sources = info.value;
  const [chosen, setChosen] = useState<string | null>(null);
  const source = useMemo(() => (sources ? (sources.find((s) => s.key === chosen) ?? defaultSource(sources, selectedRuns)) : null), [sources, chosen, selectedRuns]);
  const [fnOf, setFnOf] = useState<{ key: string; fn: string }>({ key: '', fn: '' });
  const fn = source && fnOf.key === source.key ? fnOf.fn : '';
  const loaded = useFetched(async () => ({ key: source!.key, json: await fetchGraph(fetch, source!) }), [fetch, reloadSignal, source?.key], source !== null);
  const [settings, setSettings] = useState<GraphSettings>(loadSettings);
  const client = useMemo(() => createLayoutClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  const measure = useMemo(() => createTextMeasure(), []);

  const updateSettings = useCallback((next: GraphSettings) => {
    setSettings(next);
    saveSettings(next);
  }, []);

  let body;
  if (!sources && info.error) body = <ErrorState title="Could not load the list of graphs" error={info.error} onRetry={info.retry} testId="graphs-error" />;
  else if (!sources) body = <LoadingState label="Loading graphs…" testId="graphs-loading" />;
  else if (!source) {
    body = (
      <EmptyState title="No graph data" testId="graphs-empty">
        No run has a graph yet. Write one with Keras's <code>TensorBoard(write_graph=True)</code>, <code>tf.summary.trace_export</code> or PyTorch's{' '}
        <code>add_graph</code>.
      </EmptyState>
    );
  } else if (loaded.value?.key !== source.key) {
    body = loaded.error ? (
      <ErrorState title={`Could not load the graph of run "${source.run}"`} error={loaded.error} onRetry={loaded.retry} testId="graph-error" />
    ) : (
      <LoadingState label={`Loading the graph of ${source.run}…`} testId="graph-loading" />
    );
  } else {
    body = (
      <Explorer
        key={`${source.key}\u0000${fn}`}
        json={loaded.value.json}
        fn={fn}
        settings={settings}
        client={client}
        measure={measure}
        toolbar={{
          sources,
          source,
          onSource: setChosen,
          onFunction: (name) => setFnOf({ key: source.key, fn: name }),
          onSettings: updateSettings,
        }}
      />
    );
  }

  return (
    <div class="tb-graph" data-testid="graphs-dashboard">
      {sources && info.error ? (
        <div class="tb-graph__note tb-graph__note--error" role="alert">
          Could not refresh the list of graphs: {errorMessage(info.error)}
        </div>
      ) : null}
      {body}
    </div>
  );
}
