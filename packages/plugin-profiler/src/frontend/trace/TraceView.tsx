/**
 * The trace viewer of one profile (run, worker, span): fetches the binary timeline
 * (`timeline?run&worker&span`), decodes it, and shows it in a {@link TraceCanvas}.
 */
import { ErrorState, LoadingState, type PluginFetch } from '@tb/ui';
import { useEffect, useState } from 'preact/hooks';
import { decodeTimeline } from '../../timeline/codec.js';
import type { Timeline } from '../../timeline/types.js';
import { TraceCanvas } from './TraceCanvas.js';
import './trace.css';

export interface TraceViewProps {
  readonly fetch: PluginFetch;
  readonly run: string;
  readonly worker: string;
  readonly span: string;
  readonly darkMode: boolean;
}

type Loaded = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'done'; timeline: Timeline };

/** The route query of a profile. */
export function traceQuery(run: string, worker: string, span: string): string {
  return `run=${encodeURIComponent(run)}&worker=${encodeURIComponent(worker)}&span=${encodeURIComponent(span)}`;
}

/** Reads a non-2xx answer's JSON error message ({ error: { message } }), or the status line. */
async function failure(res: Response): Promise<Error> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return new Error(body.error.message);
  } catch {
    // not JSON: fall through
  }
  return new Error(`${res.status} ${res.statusText}`.trim());
}

/** The trace viewer of one profile: loading state, error (with retry), or the timeline. */
export default function TraceView(props: TraceViewProps) {
  const { fetch, run, worker, span, darkMode } = props;
  const query = traceQuery(run, worker, span);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    (async () => {
      const res = await fetch.raw(`timeline?${query}`);
      if (!res.ok) throw await failure(res);
      return decodeTimeline(await res.arrayBuffer());
    })().then(
      (timeline) => live && setLoaded({ state: 'done', timeline }),
      (error: unknown) => live && setLoaded({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [fetch, query, attempt]);

  if (loaded.state === 'loading') return <LoadingState label="Loading trace…" />;
  if (loaded.state === 'error') return <ErrorState title="Could not load the trace" error={loaded.error} onRetry={() => setAttempt((a) => a + 1)} />;
  if (loaded.timeline.slices.start.length === 0 && loaded.timeline.counters.length === 0) {
    return <div class="tb-trace-empty">This trace has no events to show.</div>;
  }
  return <TraceCanvas key={query} fetch={fetch} query={query} timeline={loaded.timeline} darkMode={darkMode} />;
}
