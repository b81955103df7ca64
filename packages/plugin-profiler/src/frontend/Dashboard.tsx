/**
 * The Profile dashboard: Run, Worker and Span selectors with the views the run offers
 * (Overview, Operator, Kernel, Trace, Memory for PyTorch; Op Stats, Step Time, Trace for
 * XSpace) and a Diff view when two runs have profiles. The choice is remembered for the
 * browser tab. Federated as the plugin's `./Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, useFetched, type DashboardProps } from '@tb/ui';
import { useEffect, useState } from 'preact/hooks';
import { fetchRuns, fetchViews } from './api.js';
import { isComplete, ProfilePicker, type PartialProfile } from './ProfilePicker.js';
import { loadSelection, saveSelection } from './selection.js';
import { ViewBody } from './ViewBody.js';
import { ViewTabs } from './ViewTabs.js';
import './profile.css';
import './charts.css';
import './tables.css';
import './diff.css';

/** How often the run list is asked again while the server still loads profiles (ms). */
const LOADING_POLL_MS = 2000;

/** The dashboard component the shell mounts (`props.fetch` answers under /data/plugin/profile/). */
export default function Dashboard(props: DashboardProps) {
  const { fetch, reloadSignal } = props;
  const [poll, setPoll] = useState(0);
  const runs = useFetched(() => fetchRuns(fetch), [fetch, reloadSignal, poll]);
  const [stored] = useState(loadSelection);
  const [picked, setPicked] = useState<PartialProfile | null>(stored.run ? { run: stored.run, worker: stored.worker, span: stored.span } : null);
  const [view, setView] = useState<string | undefined>(stored.view);

  const loading = runs.value?.loading === true;
  useEffect(() => {
    if (!loading) return;
    const t = setTimeout(() => setPoll((p) => p + 1), LOADING_POLL_MS);
    return () => clearTimeout(t);
  }, [loading, runs.value]);

  const runList = runs.value?.runs ?? [];
  const run = picked && runList.includes(picked.run) ? picked.run : runList[0];
  const selection: PartialProfile | null = run ? (picked?.run === run ? picked : { run }) : null;
  const views = useFetched(() => fetchViews(fetch, run!).then((list) => ({ run, list })), [fetch, run, reloadSignal], !!run);
  const viewList = views.value && views.value.run === run ? [...views.value.list, ...(runList.length >= 2 ? ['Diff'] : [])] : null;
  const current = viewList && (view && viewList.includes(view) ? view : viewList[0]);

  useEffect(() => {
    if (selection) saveSelection({ ...selection, view: current ?? view });
  }, [selection?.run, selection?.worker, selection?.span, current]);

  if (!runs.value && runs.error) return <ErrorState title="Could not load the profiles" error={runs.error} onRetry={runs.retry} testId="profile-error" />;
  if (!runs.value) return <LoadingState label="Loading profiles…" testId="profile-loading" />;
  if (runList.length === 0) {
    if (loading) return <LoadingState label="Loading profiles… the first trace can take a while" testId="profile-loading" />;
    return (
      <EmptyState title="No profile data" testId="profile-empty">
        No run has a profile yet. Record one with <code>torch.profiler</code> and <code>tensorboard_trace_handler</code> (PyTorch) or{' '}
        <code>tf.profiler.experimental</code> (TensorFlow), into the log directory.
      </EmptyState>
    );
  }
  return (
    <div class="tb-prof" data-testid="profile-dashboard">
      <header class="tb-prof-bar">
        <ProfilePicker fetch={fetch} runs={runList} value={selection!} onChange={setPicked} view={current === 'Diff' ? 'Overview' : (current ?? undefined)} waiting={!current} reloadSignal={reloadSignal} testId="main" />
        {viewList ? <ViewTabs views={viewList} value={current ?? undefined} onChange={setView} /> : <span class="tb-prof-muted">Loading views…</span>}
        {loading && <span class="tb-prof-muted" role="status">Still loading other profiles…</span>}
      </header>
      {views.error && !viewList ? (
        <ErrorState title={`Could not load the views of ${run}`} error={views.error} onRetry={views.retry} testId="views-error" />
      ) : selection && isComplete(selection) && current ? (
        <ViewBody key={current} view={current} profile={selection} runs={runList} fetch={fetch} reloadSignal={reloadSignal} darkMode={props.settings.darkMode} />
      ) : (
        <LoadingState label="Loading the profile list…" testId="selection-loading" />
      )}
    </div>
  );
}
