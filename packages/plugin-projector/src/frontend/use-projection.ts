/**
 * Runs the projection the panel asks for on the server and follows it: the latest
 * layout (drawn live for t-SNE and UMAP unless paused), the result, PCA's variance, and
 * a status with the step, the fraction done and the backend that computes it.
 */
import type { PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProjectionRequest } from '../api-types.js';
import { startProjection, type ProjectionJob } from './projection-job.js';

/** Where the computation stands. */
export interface JobStatus {
  readonly phase: 'idle' | 'running' | 'done' | 'error';
  readonly label: string;
  readonly fraction: number;
  readonly step: number;
  /** The compute backend, once the server said. */
  readonly backend: string | null;
  readonly message: string;
}

/** A layout from the server: `width` values per point. */
export interface ProjectionResult {
  readonly data: Float32Array;
  readonly width: number;
  readonly variance: readonly number[] | null;
  /** The request it answers (a new key frames the camera again). */
  readonly key: string;
  readonly final: boolean;
}

/** Nothing computing. */
export const IDLE: JobStatus = { phase: 'idle', label: '', fraction: 0, step: 0, backend: null, message: '' };

const LABELS: Record<ProjectionRequest['method'], string> = { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' };

/** The request's identity: equal keys are the same computation. */
export function requestKey(r: ProjectionRequest): string {
  return JSON.stringify([r.run, r.tensor, r.method, r.params ?? {}]);
}

/**
 * Follows `request` (null: nothing to compute). `rerun` restarts the same request when
 * it changes; `paused` holds the drawn layout while the job keeps going.
 */
export function useProjection(fetch: PluginFetch, request: ProjectionRequest | null, rerun: number, paused: boolean) {
  const [result, setResult] = useState<ProjectionResult | null>(null);
  const [status, setStatus] = useState<JobStatus>(IDLE);
  const latest = useRef<ProjectionResult | null>(null);
  const pausedRef = useRef(paused);
  const job = useRef<ProjectionJob | null>(null);
  const key = request ? requestKey(request) : null;

  useEffect(() => {
    pausedRef.current = paused;
    if (!paused && latest.current) setResult(latest.current);
  }, [paused]);

  useEffect(() => {
    if (!request || key === null) {
      setStatus(IDLE);
      return;
    }
    const label = LABELS[request.method];
    latest.current = null;
    setStatus({ ...IDLE, phase: 'running', label: `${label}: starting` });
    const show = (r: ProjectionResult) => {
      latest.current = r;
      if (!pausedRef.current) setResult(r);
    };
    const current = startProjection(fetch, request, {
      onProgress: (p) =>
        setStatus((s) => ({ ...s, phase: s.phase === 'running' ? 'running' : s.phase, label, fraction: p.fraction, step: p.step, backend: p.backend })),
      onLayout: (data, dims) => show({ data, width: dims, variance: null, key, final: false }),
      onDone: (data, dims, variance) => {
        show({ data, width: dims, variance: variance ?? null, key, final: true });
        setStatus((s) => ({ ...s, phase: 'done', label, fraction: 1 }));
      },
      onError: (message) => setStatus((s) => ({ ...s, phase: 'error', label, message })),
    });
    job.current = current;
    return () => {
      current.cancel();
      if (job.current === current) job.current = null;
    };
  }, [key, rerun]);

  const stop = () => {
    job.current?.cancel();
    job.current = null;
    setStatus((s) => (s.phase === 'running' ? { ...s, phase: 'done', label: `${s.label} (stopped)` } : s));
  };
  return { result, status, stop };
}
