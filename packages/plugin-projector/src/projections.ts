/**
 * Projection jobs (PCA, t-SNE, UMAP) on the compute runner: started by POST projections,
 * followed as server-sent events, cancelled by DELETE. A job keeps only its latest
 * progress and layout and its final event, so a late or returning client catches up
 * without the server holding every step. At most {@link JobLimits.maxRunning} run at
 * once; finished jobs are dropped after {@link JobLimits.keepFinishedMs}.
 */
import { randomUUID } from 'node:crypto';
import { type ComputeRunner, HttpError, type JobProgress, NotFoundError } from '@tb/core/plugin';
import type { DoneEvent, LayoutEvent, ProgressEvent, ProjectionMethod, ProjectionParams } from './api-types.js';
import { float32ToBase64 } from './base64.js';
import type { EventSource, SseEvent } from './sse.js';
import type { Tensor2D } from './tsv.js';

/** Limits of the job table. */
export interface JobLimits {
  /** Jobs running at once; one more is refused with a 429. Default 2. */
  readonly maxRunning: number;
  /** How long a finished job can still be followed, in ms. Default 5 minutes. */
  readonly keepFinishedMs: number;
}

/** What a job projects and how. */
export interface JobSpec {
  readonly method: ProjectionMethod;
  readonly params: ProjectionParams;
  /** Reads the tensor (from the same source as the `tensor` route). */
  readonly load: () => Promise<Tensor2D>;
  readonly runner: ComputeRunner;
}

interface Job {
  readonly id: string;
  readonly controller: AbortController;
  progress: SseEvent | null;
  layout: SseEvent | null;
  final: SseEvent | null;
  readonly listeners: Set<(e: SseEvent | null) => void>;
}

const DEFAULT_LIMITS: JobLimits = { maxRunning: 2, keepFinishedMs: 5 * 60_000 };

/** The most PCA components a job computes. */
export const MAX_PCA_COMPONENTS = 10;

/** The projection jobs of one server. */
export class ProjectionJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly limits: JobLimits;

  constructor(limits: Partial<JobLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** How many jobs run now. */
  get running(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (!j.final) n++;
    return n;
  }

  /**
   * Starts a job and returns its id.
   * @throws HttpError 429 when {@link JobLimits.maxRunning} jobs already run.
   */
  start(spec: JobSpec): string {
    if (this.running >= this.limits.maxRunning) {
      throw new HttpError(429, `${this.running} projections are already running (the most at once is ${this.limits.maxRunning}); wait for one to finish or cancel one with DELETE projections/<id>`);
    }
    const job: Job = { id: randomUUID(), controller: new AbortController(), progress: null, layout: null, final: null, listeners: new Set() };
    this.jobs.set(job.id, job);
    void this.run(job, spec);
    return job.id;
  }

  /** The events of job `id`, for an SSE response. @throws NotFoundError for an unknown or dropped id. */
  events(id: string): EventSource {
    const job = this.get(id);
    return {
      subscribe: (listener) => {
        for (const e of [job.progress, job.layout, job.final]) if (e) listener(e);
        if (job.final) {
          listener(null);
          return () => {};
        }
        job.listeners.add(listener);
        return () => job.listeners.delete(listener);
      },
    };
  }

  /** Cancels job `id`; false when it had already finished. @throws NotFoundError for an unknown id. */
  cancel(id: string): boolean {
    const job = this.get(id);
    if (job.final) return false;
    job.controller.abort();
    this.finish(job, { event: 'error', data: { message: `projection ${id} was cancelled` } });
    return true;
  }

  private get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundError(`no projection with id "${id}" (finished jobs are kept ${Math.round(this.limits.keepFinishedMs / 1000)} s)`);
    return job;
  }

  private emit(job: Job, e: SseEvent): void {
    if (job.final) return;
    if (e.event === 'progress') {
      const last = job.progress?.data as ProgressEvent | undefined;
      const next = e.data as ProgressEvent;
      if (last && last.fraction === next.fraction && last.step === next.step) return;
      job.progress = e;
    } else if (e.event === 'layout') job.layout = e;
    for (const l of job.listeners) l(e);
  }

  private finish(job: Job, e: SseEvent): void {
    if (job.final) return;
    job.final = e;
    for (const l of job.listeners) {
      l(e);
      l(null);
    }
    job.listeners.clear();
    setTimeout(() => this.jobs.delete(job.id), this.limits.keepFinishedMs).unref?.();
  }

  private async run(job: Job, spec: JobSpec): Promise<void> {
    const { signal } = job.controller;
    try {
      const backend = (await spec.runner.info()).backend;
      const progress = (p: ProgressEvent): void => this.emit(job, { event: 'progress', data: p });
      progress({ fraction: 0, step: 0, backend });
      const t = await spec.load();
      signal.throwIfAborted();
      const p = spec.params;
      const n = p.numRows ? Math.min(p.numRows, t.rows) : t.rows;
      const d = t.cols;
      const data = t.data.subarray(0, n * d);
      const dims = Math.min(p.dims ?? 3, d) as 2 | 3;
      const onProgress = (q: JobProgress): void => {
        progress({ fraction: q.fraction, step: q.step ?? 0, backend });
        if (q.layout) {
          const layout: LayoutEvent = { step: q.step ?? 0, dims, data: float32ToBase64(q.layout) };
          this.emit(job, { event: 'layout', data: layout });
        }
      };
      const common = { signal, onProgress };
      let done: DoneEvent;
      if (spec.method === 'pca') {
        const components = Math.max(1, Math.min(p.components ?? dims, d, MAX_PCA_COMPONENTS, n));
        const r = await spec.runner.pca(data, n, d, { components, ...common });
        done = { result: float32ToBase64(r.projected), dims: components, variance: r.variance };
      } else if (spec.method === 'tsne') {
        const opts = { dims, ...common, ...pick(p, ['perplexity', 'learningRate', 'iterations', 'seed']) };
        done = { result: float32ToBase64(await spec.runner.tsne(data, n, d, opts)), dims };
      } else {
        const opts = { dims, ...common, ...pick(p, ['neighbors', 'minDist', 'seed']) };
        done = { result: float32ToBase64(await spec.runner.umap(data, n, d, opts)), dims };
      }
      signal.throwIfAborted();
      progress({ fraction: 1, step: job.progress ? ((job.progress.data as ProgressEvent).step ?? 0) : 0, backend });
      this.finish(job, { event: 'done', data: done });
    } catch (err) {
      const message = signal.aborted ? `projection ${job.id} was cancelled` : err instanceof Error ? err.message : String(err);
      this.finish(job, { event: 'error', data: { message } });
    }
  }
}

function pick<K extends keyof ProjectionParams>(p: ProjectionParams, keys: readonly K[]): Partial<Pick<ProjectionParams, K>> {
  const out: Partial<Pick<ProjectionParams, K>> = {};
  for (const k of keys) if (p[k] !== undefined) out[k] = p[k];
  return out;
}
