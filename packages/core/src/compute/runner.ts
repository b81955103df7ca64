/**
 * The compute runner: one service for heavy numeric work, shared by plugins (PCA, t-SNE,
 * UMAP, nearest neighbours...). `createComputeRunner` gives the real one: tfjs on the best
 * backend present (see ./backend.ts), in a worker thread so the server never stalls.
 * {@link CpuComputeRunner} is plain JavaScript on the calling thread, for tests and tools
 * that must not start a worker.
 */
import type { BackendInfo } from './backend.js';
import { InThreadRunner } from './in-thread.js';
import type { KnnOptions, KnnResult, PcaOptions, PcaResult, TsneOptions, UmapOptions } from './jobs.js';
import type { Kernels } from './kernels.js';
import { jsKernels } from './kernels.js';

export type { BackendInfo, ComputeBackend } from './backend.js';
export type { JobOptions, JobProgress, KnnMetric, KnnOptions, KnnResult, PcaOptions, PcaResult, TsneOptions, UmapOptions } from './jobs.js';

export interface ComputeRunner {
  /** Which backend does the work, once it has loaded (the first call waits for that). */
  info(): Promise<BackendInfo>;
  /**
   * Row-major matrix product of a (m x k) and b (k x n).
   * @example await runner.matmul(Float32Array.of(1, 2), Float32Array.of(3, 4), 1, 2, 1) // [11]
   */
  matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array>;
  /**
   * Principal components of `data` (n x d, row-major): centred, covariance eigenvectors
   * by decreasing variance, each with its largest-magnitude entry positive.
   * @example const { projected } = await runner.pca(data, n, d, { components: 3 });
   */
  pca(data: Float32Array, n: number, d: number, o: PcaOptions): Promise<PcaResult>;
  /**
   * The k nearest neighbours of every point of `data` (n x d), itself excluded: exact
   * (batched on the backend) or HNSW (`approximate`, by default above 50,000 points).
   */
  knn(data: Float32Array, n: number, d: number, o: KnnOptions): Promise<KnnResult>;
  /**
   * A Barnes-Hut t-SNE layout of `data` (n x d): n x dims, row-major. Progress carries
   * intermediate layouts; the same seed gives the same layout.
   */
  tsne(data: Float32Array, n: number, d: number, o: TsneOptions): Promise<Float32Array>;
  /** A UMAP layout of `data` (n x d): n x dims, row-major; the same seed gives the same layout. */
  umap(data: Float32Array, n: number, d: number, o: UmapOptions): Promise<Float32Array>;
  /** Stops the worker, if any; later calls reject. */
  close(): Promise<void>;
}

/** Throws a RangeError unless a and b hold m x k and k x n elements. */
export function checkMatmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): void {
  if (a.length !== m * k || b.length !== k * n) {
    throw new RangeError(`matmul: expected a of ${m}x${k} and b of ${k}x${n}, got ${a.length} and ${b.length} elements`);
  }
}

/** Plain JavaScript on the calling thread (the jobs' algorithms are the worker's, with JavaScript kernels). */
export class CpuComputeRunner extends InThreadRunner implements ComputeRunner {
  async info(): Promise<BackendInfo> {
    return { backend: 'cpu', skipped: [] };
  }

  async matmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Promise<Float32Array> {
    checkMatmul(a, b, m, k, n);
    const out = new Float32Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k; p++) {
        const av = a[i * k + p]!;
        if (av === 0) continue;
        for (let j = 0; j < n; j++) out[i * n + j]! += av * b[p * n + j]!;
      }
    }
    return out;
  }

  protected async kernels(): Promise<Kernels> {
    return jsKernels;
  }

  async close(): Promise<void> {}
}
