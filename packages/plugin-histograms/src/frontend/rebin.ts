/**
 * Re-binning for drawing: every step's buckets spread onto the same `bins` equal-width
 * bins over the range of all steps, assuming counts are uniform within a bucket (as
 * TensorBoard's histogram view does), so ridges of different steps line up.
 */
import { spreadBucket } from '../spread.js';
import type { StepHistogram } from './api.js';

export interface Rebinned {
  readonly min: number;
  readonly max: number;
  readonly bins: number;
  /** counts[s * bins + b]: step s's count in bin b. */
  readonly counts: Float64Array;
  /** The largest bin count over all steps. */
  readonly peak: number;
}

export const DEFAULT_BINS = 30;

/**
 * @example rebin([{ wallTime: 0, step: 0, buckets: [[0, 2, 4]] }], 2).counts // [2, 2]
 */
export function rebin(steps: readonly StepHistogram[], bins = DEFAULT_BINS): Rebinned {
  let min = Infinity;
  let max = -Infinity;
  for (const s of steps) {
    for (const [l, r, c] of s.buckets) {
      if (c <= 0 || !Number.isFinite(l) || !Number.isFinite(r)) continue;
      min = Math.min(min, l);
      max = Math.max(max, r);
    }
  }
  if (min === Infinity) return { min: 0, max: 0, bins, counts: new Float64Array(steps.length * bins), peak: 0 };
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const width = (max - min) / bins;
  const counts = new Float64Array(steps.length * bins);
  steps.forEach((s, si) => {
    for (const [l, r, c] of s.buckets) spreadBucket(counts, si * bins, bins, min, width, l, r, c);
  });
  let peak = 0;
  for (const c of counts) peak = Math.max(peak, c);
  return { min, max, bins, counts, peak };
}

/** The [left, right) range of bin `b`. */
export function binRange(r: Rebinned, b: number): [number, number] {
  const width = (r.max - r.min) / r.bins;
  return [r.min + b * width, r.min + (b + 1) * width];
}
