/**
 * t-SNE's input affinities: for each point, a Gaussian over its 3 x perplexity nearest
 * neighbours whose width (beta) is found by binary search so its entropy matches the
 * perplexity; then symmetrised, P = (P + P^T) / 2n, as a sparse matrix (CSR).
 */
import type { KnnResult } from './jobs.js';

/** A sparse n x n matrix in compressed rows. */
export interface Csr {
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
}

/** The symmetric joint probabilities P from a kNN graph (euclidean distances), summing to 1. */
export function affinities(graph: KnnResult, n: number, k: number, perplexity: number): Csr {
  const cond = new Float64Array(n * k);
  const target = Math.log(perplexity);
  const d2 = new Float64Array(k);
  const p = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let min = Infinity;
    for (let t = 0; t < k; t++) {
      const dist = graph.distances[i * k + t]!;
      d2[t] = dist * dist;
      if (d2[t]! < min) min = d2[t]!;
    }
    let beta = 1;
    let lo = -Infinity;
    let hi = Infinity;
    for (let iter = 0; iter < 200; iter++) {
      let sum = 0;
      let weighted = 0;
      for (let t = 0; t < k; t++) {
        const v = Math.exp(-beta * (d2[t]! - min));
        p[t] = v;
        sum += v;
        weighted += (d2[t]! - min) * v;
      }
      const entropy = Math.log(sum) + (beta * weighted) / sum;
      for (let t = 0; t < k; t++) p[t]! /= sum;
      const gap = entropy - target;
      if (Math.abs(gap) < 1e-5) break;
      if (gap > 0) {
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
    cond.set(p, i * k);
  }
  return symmetrise(graph.indices, cond, n, k);
}

function symmetrise(indices: Int32Array, cond: Float64Array, n: number, k: number): Csr {
  // Each directed edge i -> j adds cond/2n to (i, j) and to (j, i); duplicates merge below.
  const degree = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t]!;
      if (j < 0) continue;
      degree[i]!++;
      degree[j]!++;
    }
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = start.slice(0, n);
  const cols = new Int32Array(start[n]!);
  const vals = new Float64Array(start[n]!);
  const scale = 1 / (2 * n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = indices[i * k + t]!;
      if (j < 0) continue;
      const v = cond[i * k + t]! * scale;
      cols[fill[i]!] = j;
      vals[fill[i]!++] = v;
      cols[fill[j]!] = i;
      vals[fill[j]!++] = v;
    }
  }
  // Merge duplicate columns within each row.
  const rowStart = new Int32Array(n + 1);
  const outCols = new Int32Array(cols.length);
  const outVals = new Float64Array(cols.length);
  let w = 0;
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    rowStart[i] = w;
    order.length = 0;
    for (let e = start[i]!; e < start[i + 1]!; e++) order.push(e);
    order.sort((a, b) => cols[a]! - cols[b]!);
    for (const e of order) {
      if (w > rowStart[i]! && outCols[w - 1] === cols[e]) outVals[w - 1]! += vals[e]!;
      else {
        outCols[w] = cols[e]!;
        outVals[w++] = vals[e]!;
      }
    }
  }
  rowStart[n] = w;
  return { rowStart, cols: outCols.slice(0, w), vals: outVals.slice(0, w) };
}
