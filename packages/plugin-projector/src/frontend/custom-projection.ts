/**
 * TensorBoard's custom projection: each axis is the direction from the centroid of the
 * points matching one query to the centroid of those matching another, and a point's
 * coordinate is its dot product with that direction (x = mean(A) - mean(B)).
 */
import { searchPoints } from './search.js';

/** The two queries of one axis: the axis points from `negative`'s centroid to `positive`'s. */
export interface AxisQueries {
  readonly positive: string;
  readonly negative: string;
}

/** The mean of the `dim`-vectors at `indices`; null when there are none. */
export function centroid(vectors: Float32Array, dim: number, indices: readonly number[]): Float64Array | null {
  if (indices.length === 0) return null;
  const sum = new Float64Array(dim);
  for (const i of indices) for (let d = 0; d < dim; d++) sum[d]! += vectors[i * dim + d]!;
  for (let d = 0; d < dim; d++) sum[d]! /= indices.length;
  return sum;
}

/**
 * 2-D positions (x, y interleaved) of `n` points of dimension `dim`, with the axes given
 * by regex queries over `labels`. Throws, naming the query, when one matches no point.
 */
export function customProjection(
  vectors: Float32Array,
  dim: number,
  labels: readonly string[],
  x: AxisQueries,
  y: AxisQueries,
): Float32Array {
  const n = Math.floor(vectors.length / dim);
  const axis = (q: AxisQueries, name: string): Float64Array => {
    const ends = [q.positive, q.negative].map((pattern) => {
      const found = searchPoints(labels, pattern);
      if (found.error) throw new Error(`${name} axis: ${found.error}`);
      const c = centroid(vectors, dim, found.matches);
      if (!c) throw new Error(`${name} axis: expected /${pattern}/ to match at least one point, found none`);
      return c;
    });
    return ends[0]!.map((v, d) => v - ends[1]![d]!);
  };
  const dx = axis(x, 'x');
  const dy = axis(y, 'y');
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let sx = 0;
    let sy = 0;
    for (let d = 0; d < dim; d++) {
      const v = vectors[i * dim + d]!;
      sx += v * dx[d]!;
      sy += v * dy[d]!;
    }
    out[i * 2] = sx;
    out[i * 2 + 1] = sy;
  }
  return out;
}
