/**
 * Shape-keeping downsampling, as uPlot draws: the series is cut into buckets of
 * consecutive points, and each bucket keeps its first, lowest, highest and last point,
 * so a million-point curve drawn from a few thousand points still shows every spike.
 */
import type { ScalarSeries } from '@tb/core/plugin';

/**
 * The indices (ascending) of at most about `n` points of `values` that keep its shape.
 *
 * With `values.length <= n`, every index. Otherwise the points are cut, by index, into
 * `floor(n / 4)` buckets of consecutive points; each bucket keeps its first, its min
 * and max finite point, and its last, and the series' last point is always kept: at
 * most `n + 1` indices. NaN and +-Infinity are kept, not compared: a bucket also keeps
 * its first NaN, first +Infinity and first -Infinity (so a series with such points may
 * return up to `7n/4 + 1`). For `n < 4`, `n` evenly spaced points ending with the last.
 * Deterministic: the same values and `n` give the same indices.
 */
export function shapeIndices(values: Float64Array, n: number): Uint32Array {
  const len = values.length;
  if (!(n >= 1)) throw new RangeError(`n should be at least 1, found ${n}`);
  if (len <= n) return Uint32Array.from({ length: len }, (_, i) => i);
  if (n < 4) return Uint32Array.from({ length: n }, (_, i) => (n === 1 ? len - 1 : Math.round((i * (len - 1)) / (n - 1))));

  const buckets = Math.floor(n / 4);
  const kept: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * len) / buckets);
    const end = Math.floor(((b + 1) * len) / buckets);
    kept.push(...bucketPicks(values, start, end));
  }
  if (kept[kept.length - 1] !== len - 1) kept.push(len - 1);
  return Uint32Array.from(kept);
}

/** The picks of one bucket [start, end), ascending and without duplicates. */
function bucketPicks(values: Float64Array, start: number, end: number): number[] {
  let min = -1;
  let max = -1;
  let nan = -1;
  let posInf = -1;
  let negInf = -1;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (min < 0 || v < values[min]!) min = i;
      if (max < 0 || v > values[max]!) max = i;
    } else if (Number.isNaN(v)) {
      if (nan < 0) nan = i;
    } else if (v > 0) {
      if (posInf < 0) posInf = i;
    } else if (negInf < 0) {
      negInf = i;
    }
  }
  const picks = [start, min, max, nan, posInf, negInf, end - 1].filter((i) => i >= 0);
  return [...new Set(picks)].sort((a, b) => a - b);
}

/** The points of `series` at `indices`, as a new series. */
export function pickPoints(series: ScalarSeries, indices: Uint32Array): ScalarSeries {
  const take = (column: Float64Array) => Float64Array.from(indices, (i) => column[i]!);
  return { step: take(series.step), wallTime: take(series.wallTime), value: take(series.value) };
}

/** `series` downsampled to about `n` points by {@link shapeIndices}; unchanged when `n` is undefined or not smaller. */
export function downsampleSeries(series: ScalarSeries, n: number | undefined): ScalarSeries {
  if (n === undefined || series.value.length <= n) return series;
  return pickPoints(series, shapeIndices(series.value, n));
}
