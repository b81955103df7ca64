/**
 * k nearest neighbours of every point: exact (blocks of queries times all points as one
 * product on the backend, then a partial top-k selection per row), or approximate with
 * HNSW (hnswlib-node, a native addon loaded on first use; where it does not load, exact
 * kNN is used and one line says why).
 */
import type { JobContext } from './job-context.js';
import type { KnnMetric, KnnResult } from './jobs.js';
import type { Kernels } from './kernels.js';
import { checkData } from './shape.js';

/** Above this many points, `approximate: 'auto'` uses HNSW. */
export const HNSW_AUTO_THRESHOLD = 50_000;

/** kNN options without the job's signal and progress. */
export interface KnnParams {
  readonly k: number;
  readonly metric: KnnMetric;
  readonly approximate?: boolean | 'auto';
}

/** Neighbours of each point, itself excluded, nearest first. */
export async function knn(kernels: Kernels, data: Float32Array, n: number, d: number, p: KnnParams, ctx: JobContext): Promise<KnnResult> {
  checkData('knn', data, n, d);
  const { k, metric } = p;
  if (!Number.isInteger(k) || k < 1 || k > n - 1) throw new RangeError(`knn: expected k between 1 and n - 1 = ${n - 1}, found ${k}`);
  if (metric !== 'cosine' && metric !== 'euclidean') throw new RangeError(`knn: expected metric 'cosine' or 'euclidean', found '${String(metric)}'`);
  const approximate = p.approximate ?? 'auto';
  if (approximate === true || (approximate === 'auto' && n > HNSW_AUTO_THRESHOLD)) {
    const hnsw = await loadHnsw();
    if (typeof hnsw !== 'string') return hnswKnn(hnsw, data, n, d, k, metric, ctx);
    ctx.progress({ fraction: 0, message: `exact kNN: ${hnsw}` });
  }
  return exactKnn(kernels, data, n, d, k, metric, ctx);
}

/** Exact kNN, batched on the backend. */
export async function exactKnn(kernels: Kernels, data: Float32Array, n: number, d: number, k: number, metric: KnnMetric, ctx: JobContext): Promise<KnnResult> {
  const x = prepare(data, n, d, metric);
  const norms = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += x[i * d + t]! * x[i * d + t]!;
    norms[i] = s;
  }
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  const blocks = kernels.dots(x, n, d);
  const rows = Math.max(1, Math.min(1024, Math.floor(4_000_000 / n)));
  try {
    for (let start = 0; start < n; start += rows) {
      await ctx.pause();
      const count = Math.min(rows, n - start);
      const dots = await blocks.block(start, count);
      for (let q = 0; q < count; q++) {
        const i = start + q;
        bestD.fill(Infinity);
        bestI.fill(-1);
        let worst = Infinity;
        const off = q * n;
        const ni = norms[i]!;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          // Squared euclidean distance, or cosine distance of unit rows.
          const dist = metric === 'euclidean' ? ni + norms[j]! - 2 * dots[off + j]! : 1 - dots[off + j]!;
          if (dist >= worst) continue;
          let pos = k - 1;
          while (pos > 0 && bestD[pos - 1]! > dist) {
            bestD[pos] = bestD[pos - 1]!;
            bestI[pos] = bestI[pos - 1]!;
            pos--;
          }
          bestD[pos] = dist;
          bestI[pos] = j;
          worst = bestD[k - 1]!;
        }
        for (let t = 0; t < k; t++) {
          indices[i * k + t] = bestI[t]!;
          const v = bestD[t]!;
          distances[i * k + t] = metric === 'euclidean' ? Math.sqrt(Math.max(0, v)) : Math.max(0, v);
        }
      }
      ctx.progress({ fraction: Math.min(1, (start + count) / n), message: 'exact kNN' });
    }
  } finally {
    blocks.dispose();
  }
  return { indices, distances, method: 'exact' };
}

/**
 * The rows made ready for dot products: centred for euclidean (distances do not change,
 * and float32 keeps more digits near the origin), unit length for cosine.
 */
function prepare(data: Float32Array, n: number, d: number, metric: KnnMetric): Float32Array {
  const x = new Float32Array(n * d);
  if (metric === 'euclidean') {
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t]! += data[i * d + t]!;
    for (let t = 0; t < d; t++) mean[t]! /= n;
    for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) x[i * d + t] = data[i * d + t]! - mean[t]!;
  } else {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += data[i * d + t]! * data[i * d + t]!;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let t = 0; t < d; t++) x[i * d + t] = data[i * d + t]! * inv;
    }
  }
  return x;
}

interface HnswIndex {
  initIndex(maxElements: number, m?: number, efConstruction?: number, randomSeed?: number): void;
  addPoint(point: number[], label: number): void;
  setEf(ef: number): void;
  searchKnn(query: number[], k: number): { distances: number[]; neighbors: number[] };
}
type HnswConstructor = new (space: 'l2' | 'cosine', dims: number) => HnswIndex;

let hnswLoad: Promise<HnswConstructor | string> | undefined;

/** hnswlib-node's index class, or why it could not be loaded (one line, said once per process). */
export function loadHnsw(): Promise<HnswConstructor | string> {
  hnswLoad ??= import('hnswlib-node').then(
    (mod: unknown) => {
      const m = mod as { HierarchicalNSW?: HnswConstructor; default?: { HierarchicalNSW?: HnswConstructor } };
      const ctor = m.HierarchicalNSW ?? m.default?.HierarchicalNSW;
      if (!ctor) throw new Error('hnswlib-node has no HierarchicalNSW export');
      return ctor;
    },
    (err: unknown) => {
      const reason = `hnswlib-node did not load (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}); using exact kNN`;
      console.warn(`[tb-core compute] ${reason}`);
      return reason;
    },
  );
  return hnswLoad;
}

async function hnswKnn(Index: HnswConstructor, data: Float32Array, n: number, d: number, k: number, metric: KnnMetric, ctx: JobContext): Promise<KnnResult> {
  const index = new Index(metric === 'euclidean' ? 'l2' : 'cosine', d);
  index.initIndex(n, 16, 200, 100);
  const row = (i: number) => Array.from(data.subarray(i * d, i * d + d));
  for (let i = 0; i < n; i++) {
    index.addPoint(row(i), i);
    if (i % 500 === 0) {
      await ctx.pause();
      ctx.progress({ fraction: (0.5 * i) / n, message: 'building HNSW index' });
    }
  }
  index.setEf(Math.max(64, 2 * (k + 1)));
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const found = index.searchKnn(row(i), Math.min(n, k + 1));
    const pairs = found.neighbors.map((j, t) => [j, found.distances[t]!] as const).filter(([j]) => j !== i);
    pairs.sort((a, b) => a[1] - b[1]);
    for (let t = 0; t < k; t++) {
      const pair = pairs[t];
      indices[i * k + t] = pair ? pair[0] : -1;
      const v = pair ? pair[1] : Infinity;
      distances[i * k + t] = metric === 'euclidean' ? Math.sqrt(Math.max(0, v)) : Math.max(0, v);
    }
    if (i % 500 === 0) {
      await ctx.pause();
      ctx.progress({ fraction: 0.5 + (0.5 * i) / n, message: 'searching HNSW index' });
    }
  }
  return { indices, distances, method: 'hnsw' };
}
