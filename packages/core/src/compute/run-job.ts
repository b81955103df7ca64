/**
 * The compute jobs by name, with their arguments and results, and the one function that
 * runs one: the in-thread runners call it directly, the worker calls it for each job
 * message. Arguments are plain data (no signal, no callback), so they cross threads.
 */
import type { JobContext } from './job-context.js';
import type { KnnOptions, KnnResult, PcaResult, TsneOptions, UmapOptions } from './jobs.js';
import type { Kernels } from './kernels.js';
import { knn, type KnnParams } from './knn.js';
import { pca } from './pca.js';
import { tsne, type TsneParams } from './tsne.js';
import { umap, type UmapParams } from './umap.js';

/** The jobs by name: arguments and result. */
export interface Jobs {
  pca: { args: [data: Float32Array, n: number, d: number, components: number]; result: PcaResult };
  knn: { args: [data: Float32Array, n: number, d: number, params: KnnParams]; result: KnnResult };
  tsne: { args: [data: Float32Array, n: number, d: number, params: TsneParams]; result: Float32Array };
  umap: { args: [data: Float32Array, n: number, d: number, params: UmapParams]; result: Float32Array };
}

export type JobName = keyof Jobs;

/** The job names, for checking what arrives over the worker protocol. */
export const JOB_NAMES: readonly JobName[] = ['pca', 'knn', 'tsne', 'umap'];

type Job<K extends JobName> = (kernels: Kernels, args: Jobs[K]['args'], ctx: JobContext) => Promise<Jobs[K]['result']>;

const JOBS: { readonly [K in JobName]: Job<K> } = {
  pca: (kernels, [data, n, d, components], ctx) => pca(kernels, data, n, d, components, ctx),
  knn: (kernels, [data, n, d, p], ctx) => knn(kernels, data, n, d, p, ctx),
  tsne: (kernels, [data, n, d, p], ctx) => tsne(kernels, data, n, d, p, ctx),
  umap: (kernels, [data, n, d, p], ctx) => umap(kernels, data, n, d, p, ctx),
};

/** Runs job `name` with `kernels` doing the dense products. */
export function runJob<K extends JobName>(kernels: Kernels, name: K, args: Jobs[K]['args'], ctx: JobContext): Promise<Jobs[K]['result']> {
  const job = Object.hasOwn(JOBS, name) ? (JOBS[name] as Job<K>) : undefined;
  if (!job) return Promise.reject(new RangeError(`unknown compute job '${String(name)}'; expected one of ${JOB_NAMES.join(', ')}`));
  return job(kernels, args, ctx);
}

/** The plain-data parameters of each job, from its options (signal and progress stay behind). */
export const jobParams = {
  knn: (o: KnnOptions): KnnParams => ({ k: o.k, metric: o.metric, approximate: o.approximate }),
  tsne: (o: TsneOptions): TsneParams => ({ dims: o.dims, perplexity: o.perplexity, learningRate: o.learningRate, iterations: o.iterations, seed: o.seed }),
  umap: (o: UmapOptions): UmapParams => ({ dims: o.dims, neighbors: o.neighbors, minDist: o.minDist, seed: o.seed }),
};

/** The buffers of a job's result, to transfer rather than copy across threads. */
export function resultBuffers(result: unknown): ArrayBuffer[] {
  const views: unknown[] = ArrayBuffer.isView(result) ? [result] : result && typeof result === 'object' ? Object.values(result) : [];
  const out: ArrayBuffer[] = [];
  for (const v of views) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
  return out;
}
