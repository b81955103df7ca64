/**
 * A {@link ComputeRunner} whose work runs in a worker thread, so a t-SNE or a large
 * matmul never stalls the server. Calls queue until the worker has loaded its backend.
 */
import { Worker } from 'node:worker_threads';
import type { BackendInfo, ComputeBackend } from './backend.js';
import type { OpName, Ops } from './ops.js';
import type { Call, Reply, WorkerInit } from './protocol.js';
import type { ComputeRunner } from './runner.js';
import { checkMatmul } from './runner.js';

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
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
      this.worker.postMessage({ id, op, args } satisfies Call<K>);
    });
  }

  private settle(reply: Extract<Reply, { id: number }>): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.type === 'result') p.resolve(reply.result);
    else p.reject(reply.name === 'RangeError' ? new RangeError(reply.error) : new Error(reply.error));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
