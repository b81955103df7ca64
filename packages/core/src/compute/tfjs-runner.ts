/**
 * A {@link ComputeRunner} that runs tfjs on the calling thread: what the worker thread
 * runs inside, and what tests and short-lived tools use directly.
 */
import { chooseBackend, type BackendInfo, type ChooseOptions, type Tfjs } from './backend.js';
import { InThreadRunner } from './in-thread.js';
import type { Kernels } from './kernels.js';
import { runOp } from './ops.js';
import type { ComputeRunner } from './runner.js';
import { tfjsKernels } from './tfjs-kernels.js';

export class TfjsComputeRunner extends InThreadRunner implements ComputeRunner {
  private readonly loaded: Promise<{ tf: Tfjs; info: BackendInfo }>;
  private closed = false;

  constructor(options: ChooseOptions = {}) {
    super();
    this.loaded = chooseBackend(options);
  }

  async info(): Promise<BackendInfo> {
    return (await this.loaded).info;
  }

  async matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array> {
    return runOp(await this.tf(), 'matmul', [a, b, m, k, n]);
  }

  protected async kernels(): Promise<Kernels> {
    return tfjsKernels(await this.tf());
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async tf(): Promise<Tfjs> {
    if (this.closed) throw new Error('the compute runner is closed');
    return (await this.loaded).tf;
  }
}
