/**
 * Holds a view back while its profile loads on the server, with a progress bar: the
 * bytes of the trace read so far, then "Analysing" until the analysis is done (a 100 MB
 * trace takes seconds). A profile that failed to load shows why. Polls `progress`.
 */
import { ErrorState, LoadingState, type PluginFetch } from '@tb/ui';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { profileRoute, type ProfileRef } from './api.js';
import { formatBytes } from './format.js';
import type { LoadProgress } from '../profile/progress.js';

export type { LoadProgress } from '../profile/progress.js';


/** How often the page asks while a profile loads. */
export const POLL_MS = 400;

/** The words under the progress bar. */
export function progressLabel(p: LoadProgress): string {
  const name = p.file.split('/').pop() ?? p.file;
  if (p.total > 0 && p.bytes < p.total) return `Reading ${name}: ${formatBytes(p.bytes)} of ${formatBytes(p.total)}`;
  return `Analysing ${name}…`;
}

export function LoadGate(props: { fetch: PluginFetch; profile: ProfileRef; children: ComponentChildren }) {
  const { fetch, profile } = props;
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setProgress(null);
    const ask = () =>
      fetch.json<LoadProgress>(profileRoute('progress', profile)).then(
        (p) => {
          if (!live) return;
          setProgress(p);
          if (p.state === 'loading') timer = setTimeout(ask, POLL_MS);
        },
        // An old server without the route, or a blip: let the view ask for itself.
        () => live && setProgress({ state: 'loaded', file: '', bytes: 0, total: 0 }),
      );
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fetch, profile.run, profile.worker, profile.span]);

  if (progress === null) return <LoadingState label="Loading the profile…" testId="profile-progress" />;
  if (progress.state === 'failed') {
    return <ErrorState title={`Could not load ${progress.file}`} error={new Error(progress.error ?? 'unknown error')} testId="profile-failed" />;
  }
  if (progress.state === 'loading') {
    const fraction = progress.total > 0 ? progress.bytes / progress.total : undefined;
    return <LoadingState label={progressLabel(progress)} progress={fraction !== undefined && fraction < 1 ? fraction : undefined} testId="profile-progress" />;
  }
  return <>{props.children}</>;
}
