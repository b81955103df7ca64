/**
 * The Trace view: loads the trace viewer (a separate chunk: it is large and only this
 * view needs it) and renders it for the selected profile.
 */
import { ErrorState, LoadingState, type PluginFetch } from '@tb/ui';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ProfileRef } from './api.js';
import type { TraceViewProps } from './trace/TraceView.js';


let viewer: Promise<ComponentType<TraceViewProps>> | null = null;

/** The trace viewer component, imported once. */
function loadViewer(): Promise<ComponentType<TraceViewProps>> {
  viewer ??= import('./trace/TraceView.js').then((m) => m.default as ComponentType<TraceViewProps>);
  viewer.catch(() => (viewer = null));
  return viewer;
}

/** @example <TraceTab fetch={fetch} profile={p} darkMode={false} /> */
export function TraceTab({ fetch, profile, darkMode }: { fetch: PluginFetch; profile: ProfileRef; darkMode: boolean }) {
  const [View, setView] = useState<ComponentType<TraceViewProps> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadViewer().then(
      (c) => live && setView(() => c),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  if (error) return <ErrorState title="Could not load the trace viewer" error={error} onRetry={() => (setError(null), setAttempt(attempt + 1))} />;
  if (!View) return <LoadingState label="Loading the trace viewer…" testId="trace-loading" />;
  return (
    <div class="tb-prof-trace" data-testid="trace-view">
      <View fetch={fetch} run={profile.run} worker={profile.worker} span={profile.span} darkMode={darkMode} />
    </div>
  );
}
