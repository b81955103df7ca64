/**
 * The compact `histograms` answer: what the page draws, and no more. The page
 * (frontend/rebin.ts) spreads every step's buckets onto the same 30 equal-width bins over
 * the range of all steps (the lowest left and highest right edge of the buckets that hold
 * a count), counts uniform within a bucket. Done here on the same grid, each step needs at
 * most 30 buckets and the page draws the same picture: a 1,000-bucket histogram at 500
 * steps is 14 MB of JSON in full and about 0.5 MB so. Empty bins are left out.
 */
import type { TensorDatum } from '@tb/core/plugin';
import { spreadBucket } from './spread.js';

/** The bins the page draws (frontend/rebin.ts DEFAULT_BINS). */
export const PAGE_BINS = 30;

/**
 * Answers holding more buckets than this, over all steps, are compact by default. The
 * histograms TensorBoard's own answers are compared with hold at most ~3,000 (5 steps of
 * ~575 buckets), and are answered in full, as TensorBoard does.
 */
export const COMPACT_ABOVE = 16_384;

/** How many buckets the series holds, over all its steps. */
export function bucketCount(series: readonly TensorDatum[]): number {
  let n = 0;
  for (const d of series) if (isBuckets(d)) n += d.value.shape[0]!;
  return n;
}

/** A [k, 3] tensor: k buckets of [left, right, count]. Other shapes are empty histograms. */
export function isBuckets(d: TensorDatum): boolean {
  return d.value.shape.length === 2 && d.value.shape[1] === 3;
}

/** The page's range: lowest left and highest right edge of the buckets with a count; null when none. */
export function pageRange(series: readonly TensorDatum[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const d of series) {
    if (!isBuckets(d)) continue;
    const x = d.value.numbers;
    for (let i = 0; i + 2 < x.length; i += 3) {
      const l = x[i]!;
      const r = x[i + 1]!;
      if (x[i + 2]! <= 0 || !Number.isFinite(l) || !Number.isFinite(r)) continue;
      if (l < min) min = l;
      if (r > max) max = r;
    }
  }
  return min === Infinity ? null : { min, max };
}

/**
 * Adds one step's buckets onto `counts` (`counts.length` bins from `min`, `width` wide),
 * as the page does: a bucket's count spread by overlap; a bucket with right <= left all
 * in the bin of its left edge.
 */
export function rebinStep(numbers: Float64Array, min: number, width: number, counts: Float64Array): void {
  for (let i = 0; i + 2 < numbers.length; i += 3) spreadBucket(counts, 0, counts.length, min, width, numbers[i]!, numbers[i + 1]!, numbers[i + 2]!);
}

/**
 * The compact answer's JSON, `[[wall_time, step, [[left, right, count], ...]], ...]`
 * with at most `bins` buckets a step on one grid; null when all counts sit at one point
 * (the page widens that range itself, so the full answer is as small and as good).
 */
export function compactJson(series: readonly TensorDatum[], bins = PAGE_BINS): string | null {
  const range = pageRange(series);
  if (!range || range.min === range.max) return null;
  const { min, max } = range;
  const width = (max - min) / bins;
  const counts = new Float64Array(bins);
  const steps: string[] = [];
  for (const d of series) {
    counts.fill(0);
    if (isBuckets(d)) rebinStep(d.value.numbers, min, width, counts);
    const buckets: string[] = [];
    for (let b = 0; b < bins; b++) {
      if (counts[b]! <= 0) continue;
      const right = b === bins - 1 ? max : min + (b + 1) * width;
      buckets.push(`[${num(min + b * width)},${num(right)},${num(counts[b]!)}]`);
    }
    steps.push(`[${num(d.wallTime)},${num(d.step)},[${buckets.join(',')}]]`);
  }
  return `[${steps.join(',')}]`;
}

/** The full answer's JSON, every bucket as stored: what JSON.stringify of the events gives. */
export function fullJson(series: readonly TensorDatum[]): string {
  const steps: string[] = [];
  for (const d of series) {
    const buckets: string[] = [];
    if (isBuckets(d)) {
      const x = d.value.numbers;
      for (let i = 0; i + 2 < x.length; i += 3) buckets.push(`[${num(x[i]!)},${num(x[i + 1]!)},${num(x[i + 2]!)}]`);
    }
    steps.push(`[${num(d.wallTime)},${num(d.step)},[${buckets.join(',')}]]`);
  }
  return `[${steps.join(',')}]`;
}

/** A number as JSON.stringify writes it: null for NaN and +-Infinity. */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}
