/**
 * Histogram buckets as `tf.summary.histogram` (TF2) makes them: `bins` equal-width
 * buckets from min to max (30 by default), each [left, right, count]; a value equal to
 * max falls in the last bucket. When every value is the same, every edge is that
 * value and the last bucket holds them all; with no values, every entry is 0.
 */

export const DEFAULT_BINS = 30;

/** [left, right, count] per bucket, flattened: k x 3 numbers. */
export function histogramBuckets(values: ArrayLike<number>, bins = DEFAULT_BINS): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram bins should be a whole number >= 1, found ${bins}`);
  const out = new Float64Array(bins * 3);
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return out;
  if (min === max) {
    for (let b = 0; b < bins; b++) out.set([min, max, b === bins - 1 ? n : 0], b * 3);
    return out;
  }
  const width = (max - min) / bins;
  for (let b = 0; b < bins; b++) {
    out[b * 3] = min + b * width;
    out[b * 3 + 1] = b === bins - 1 ? max : min + (b + 1) * width;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.floor((v - min) / width));
    out[b * 3 + 2]! += 1;
  }
  return out;
}

/** A histogram given as PyTorch's add_histogram_raw takes it. */
export interface RawHistogram {
  readonly min: number;
  readonly max: number;
  readonly num: number;
  readonly sum: number;
  readonly sumSquares: number;
  /** Right edge of each bucket. */
  readonly bucketLimits: readonly number[];
  readonly bucketCounts: readonly number[];
}

/**
 * [left, right, count] buckets of a raw histogram, as TensorBoard turns PyTorch's and
 * TF1's HistogramProto into one: empty buckets at either end dropped, each bucket from
 * the previous limit to its own, the first from `min` and the last to `max`.
 */
export function rawBuckets(h: RawHistogram): Float64Array {
  const { bucketLimits: limits, bucketCounts: counts } = h;
  if (limits.length !== counts.length) {
    throw new RangeError(`histogram: ${limits.length} bucket limits but ${counts.length} counts`);
  }
  let first = 0;
  while (first < counts.length && !(counts[first]! > 0)) first++;
  let last = counts.length - 1;
  while (last >= first && !(counts[last]! > 0)) last--;
  const k = Math.max(0, last - first + 1);
  const out = new Float64Array(k * 3);
  for (let i = 0; i < k; i++) {
    const b = first + i;
    out.set([i === 0 ? h.min : limits[b - 1]!, i === k - 1 ? h.max : limits[b]!, counts[b]!], i * 3);
  }
  return out;
}
