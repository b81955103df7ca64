/**
 * A projection computed by the server: POST projections starts the job, its events
 * arrive by server-sent events (progress, intermediate layouts, the result), and
 * `cancel` closes the stream and DELETEs the job.
 */
import type { PluginFetch } from '@tb/ui';
import type { DoneEvent, LayoutEvent, ProgressEvent, ProjectionCreated, ProjectionRequest } from '../api-types.js';
import { decodeBase64Float32 } from './float-data.js';

/** What a job reports as it runs. */
export interface JobHandlers {
  readonly onProgress: (p: ProgressEvent) => void;
  readonly onLayout: (data: Float32Array, dims: number, step: number) => void;
  readonly onDone: (data: Float32Array, dims: number, variance: readonly number[] | undefined) => void;
  readonly onError: (message: string) => void;
}

/** A running job. */
export interface ProjectionJob {
  /** Stops listening and asks the server to stop. */
  cancel(): void;
}

function parse<T>(e: Event): T | null {
  const data = (e as MessageEvent<string>).data;
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as T;
  } catch {
    return null;
  }
}

/** Starts `request` on the server and streams its events to `handlers`. */
export function startProjection(fetch: PluginFetch, request: ProjectionRequest, handlers: JobHandlers): ProjectionJob {
  let source: EventSource | null = null;
  let id: string | null = null;
  let finished = false;
  let cancelled = false;
  const finish = () => {
    finished = true;
    source?.close();
  };
  fetch
    .json<ProjectionCreated>('projections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    })
    .then(
      (created) => {
        id = created.id;
        if (cancelled) {
          void fetch.raw(`projections/${encodeURIComponent(id)}`, { method: 'DELETE' });
          return;
        }
        source = new EventSource(fetch.url(`projections/${encodeURIComponent(id)}/events`));
        source.addEventListener('progress', (e) => {
          const p = parse<ProgressEvent>(e);
          if (p) handlers.onProgress(p);
        });
        source.addEventListener('layout', (e) => {
          const l = parse<LayoutEvent>(e);
          if (l) handlers.onLayout(decodeBase64Float32(l.data), l.dims, l.step);
        });
        source.addEventListener('done', (e) => {
          const d = parse<DoneEvent>(e);
          finish();
          if (d) handlers.onDone(decodeBase64Float32(d.result), d.dims, d.variance);
          else handlers.onError('Expected the result of the projection in its done event, found none');
        });
        source.addEventListener('error', (e) => {
          if (finished) return;
          const err = parse<{ message: string }>(e);
          finish();
          handlers.onError(err?.message ?? 'The connection to the projection job was lost');
        });
      },
      (e: unknown) => handlers.onError(e instanceof Error ? e.message : String(e)),
    );
  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      const wasRunning = !finished;
      finish();
      if (id !== null && wasRunning) void fetch.raw(`projections/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(() => undefined);
    },
  };
}
