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
 * [left, right, count] buckets of a raw histogram: bucket i spans from the previous
 * limit (min for the first) to its own limit.
 */
export function rawBuckets(h: RawHistogram): Float64Array {
  if (h.bucketLimits.length !== h.bucketCounts.length) {
    throw new RangeError(`histogram: ${h.bucketLimits.length} bucket limits but ${h.bucketCounts.length} counts`);
  }
  const out = new Float64Array(h.bucketLimits.length * 3);
  for (let i = 0; i < h.bucketLimits.length; i++) {
    out.set([i === 0 ? h.min : h.bucketLimits[i - 1]!, h.bucketLimits[i]!, h.bucketCounts[i]!], i * 3);
  }
  return out;
}
