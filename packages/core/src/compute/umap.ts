/**
 * UMAP with umap-js, fed by our kNN (exact on the backend, or HNSW for large n) through
 * umap-js's precomputed-kNN entry, with a seeded random source so layouts repeat.
 */
import { UMAP } from 'umap-js';
import type { JobContext } from './job-context.js';
import type { Kernels } from './kernels.js';
import { knn } from './knn.js';
import { mulberry32 } from './prng.js';
import { checkData } from './shape.js';

/** UMAP options without the job's signal and progress. */
export interface UmapParams {
  readonly dims: 2 | 3;
  readonly neighbors?: number;
  readonly minDist?: number;
  readonly seed?: number;
}

/** A UMAP layout of `data` (n x d): n x dims, row-major. */
export async function umap(kernels: Kernels, data: Float32Array, n: number, d: number, p: UmapParams, ctx: JobContext): Promise<Float32Array> {
  checkData('umap', data, n, d);
  if (p.dims !== 2 && p.dims !== 3) throw new RangeError(`umap: expected dims 2 or 3, found ${String(p.dims)}`);
  const neighbors = Math.min(p.neighbors ?? 15, n - 1);
  if (!Number.isInteger(neighbors) || neighbors < 2) throw new RangeError(`umap: expected neighbors >= 2 and n > 2, found neighbors=${neighbors}, n=${n}`);
  // umap-js counts each point among its own neighbours (first, at distance 0).
  const graph = await knn(kernels, data, n, d, { k: neighbors - 1, metric: 'euclidean' }, ctx.scaled(0, 0.3, 'kNN'));
  const knnIndices: number[][] = [];
  const knnDistances: number[][] = [];
  const k = neighbors - 1;
  for (let i = 0; i < n; i++) {
    knnIndices.push([i, ...graph.indices.subarray(i * k, i * k + k)]);
    knnDistances.push([0, ...graph.distances.subarray(i * k, i * k + k)]);
  }
  await ctx.pause();
  const u = new UMAP({ nComponents: p.dims, nNeighbors: neighbors, minDist: p.minDist ?? 0.1, random: mulberry32(p.seed ?? 1) });
  u.setPrecomputedKNN(knnIndices, knnDistances);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * d, i * d + d)));
  ctx.progress({ fraction: 0.3, message: 'fuzzy graph' });
  const epochs = u.initializeFit(rows);
  for (let epoch = 0; epoch < epochs; epoch++) {
    u.step();
    await ctx.pause();
    if (ctx.layoutDue(epoch + 1)) {
      ctx.progress({ fraction: 0.3 + (0.7 * (epoch + 1)) / epochs, step: epoch + 1, message: 'optimizing', layout: flatten(u.getEmbedding(), p.dims) });
    }
  }
  const layout = flatten(u.getEmbedding(), p.dims);
  ctx.progress({ fraction: 1, step: epochs });
  return layout;
}

function flatten(rows: number[][], dims: number): Float32Array {
  const out = new Float32Array(rows.length * dims);
  rows.forEach((r, i) => {
    for (let t = 0; t < dims; t++) out[i * dims + t] = r[t]!;
  });
  return out;
}

