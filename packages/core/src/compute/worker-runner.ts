/**
 * A {@link ComputeRunner} whose work runs in a worker thread, so a t-SNE or a large
 * matmul never stalls the server. Calls queue until the worker has loaded its backend.
 * Jobs carry ids: their progress comes back as messages (layouts transferred, not
 * copied), and an aborted signal sends a cancel message and rejects at once.
 */
import { Worker } from 'node:worker_threads';
import type { BackendInfo, ComputeBackend } from './backend.js';
import { abortError } from './job-context.js';
import type { JobOptions, JobProgress, KnnOptions, KnnResult, PcaOptions, PcaResult, TsneOptions, UmapOptions } from './jobs.js';
import type { OpName, Ops } from './ops.js';
import type { Call, JobCall, Reply, Request, WorkerInit } from './protocol.js';
import { jobParams, type JobName, type Jobs } from './run-job.js';
import type { ComputeRunner } from './runner.js';
import { checkMatmul } from './runner.js';

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  progress?: (p: JobProgress) => void;
}

export class WorkerComputeRunner implements ComputeRunner {
  private readonly worker: Worker;
  private readonly ready: Promise<BackendInfo>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | null = null;

  /** `script` is the built worker module (./worker.js beside this file). */
  constructor(script: URL, prefer: ComputeBackend | 'auto' = 'auto') {
    this.worker = new Worker(script, { workerData: { prefer } satisfies WorkerInit });
    this.worker.unref();
    this.ready = new Promise<BackendInfo>((resolve, reject) => {
      this.worker.on('message', (reply: Reply) => {
        if (reply.type === 'ready') resolve(reply.info);
        else if (reply.type === 'failed') reject(new Error(`compute worker: ${reply.error}`));
        else if (reply.type === 'progress') this.pending.get(reply.id)?.progress?.(reply.progress);
        else this.settle(reply);
      });
      this.worker.on('error', (err) => {
        reject(err);
        this.failAll(err);
      });
      this.worker.on('exit', (code) => {
        const err = this.stopped ?? new Error(`compute worker exited with code ${code}`);
        reject(err);
        this.failAll(err);
      });
    });
    this.ready.catch(() => {});
  }

  info(): Promise<BackendInfo> {
    return this.ready;
  }

  async matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array> {
    checkMatmul(a, b, m, k, n);
    return this.call('matmul', [a, b, m, k, n]);
  }

  pca(data: Float32Array, n: number, d: number, o: PcaOptions): Promise<PcaResult> {
    return this.job('pca', [data, n, d, o.components], o);
  }

  knn(data: Float32Array, n: number, d: number, o: KnnOptions): Promise<KnnResult> {
    return this.job('knn', [data, n, d, jobParams.knn(o)], o);
  }

  tsne(data: Float32Array, n: number, d: number, o: TsneOptions): Promise<Float32Array> {
    return this.job('tsne', [data, n, d, jobParams.tsne(o)], o);
  }

  umap(data: Float32Array, n: number, d: number, o: UmapOptions): Promise<Float32Array> {
    return this.job('umap', [data, n, d, jobParams.umap(o)], o);
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = new Error('the compute runner is closed');
    await this.worker.terminate();
    this.failAll(this.stopped);
  }

  private async call<K extends OpName>(op: K, args: Ops[K]['args']): Promise<Ops[K]['result']> {
    if (this.stopped) throw this.stopped;
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'op', id, op, args } satisfies Call<K>);
    });
  }

  private async job<K extends JobName>(job: K, args: Jobs[K]['args'], o: JobOptions): Promise<Jobs[K]['result']> {
    const { signal, onProgress } = o;
    if (this.stopped) throw this.stopped;
    if (signal?.aborted) throw abortError(signal.reason);
    if (signal) {
      // Waiting for the backend to load is cancellable too.
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(abortError(signal.reason));
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        await Promise.race([this.ready, aborted]);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    } else {
      await this.ready;
    }
    const id = this.nextId++;
    return new Promise<Jobs[K]['result']>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.post({ type: 'cancel', id });
        reject(abortError(signal?.reason));
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => {
          done();
          resolve(v as Jobs[K]['result']);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        progress: onProgress,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.post({ type: 'job', id, job, args, progress: onProgress !== undefined } satisfies JobCall<K>);
    });
  }

  private post(req: Request): void {
    this.worker.postMessage(req);
  }

  private settle(reply: Extract<Reply, { type: 'result' | 'error' }>): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.type === 'result') p.resolve(reply.result);
    else p.reject(rebuildError(reply.name, reply.error));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** The worker's error as the caller would have seen it in-thread: same class where it is a standard one, same name. */
function rebuildError(name: string, message: string): Error {
  const err = name === 'RangeError' ? new RangeError(message) : name === 'TypeError' ? new TypeError(message) : new Error(message);
  if (err.name !== name) err.name = name;
  return err;
}
