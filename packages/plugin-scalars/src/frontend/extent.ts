/**
 * The data ranges the axes show: the x extent of all lines, and the y range of the
 * values in view, either whole or from the 5th to the 95th percentile ("ignore
 * outliers"), padded so that no line sits on the frame.
 */
import type { ScaleKind } from '@tb/ui';

/** A closed interval [min, max]. */
export type Range = readonly [number, number];

/** How much of the range each side gets as padding. */
export const PAD_FRACTION = 0.05;

/** [min, max] of the finite values of every array, or null when there is none. */
export function finiteExtent(arrays: readonly Float64Array[]): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : finiteExtentSlow(arrays);
}

/** The same, skipping infinities (the fast pass above fails only when there are some). */
function finiteExtentSlow(arrays: readonly Float64Array[]): Range | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The value at quantile `p` (0..1) of ascending `sorted`, interpolated linearly. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const at = Math.min(1, Math.max(0, p)) * (n - 1);
  const i = Math.floor(at);
  const lo = sorted[i]!;
  return i + 1 < n ? lo + (sorted[i + 1]! - lo) * (at - i) : lo;
}

/**
 * [the `lo` quantile, the `hi` quantile] of `values` (which may be in any order; non-finite
 * values are ignored), or null when none is finite.
 *
 * @example percentileBounds(Float64Array.from({ length: 101 }, (_, i) => i)) // [5, 95]
 */
export function percentileBounds(values: Float64Array, lo = 0.05, hi = 0.95): Range | null {
  const finite = values.filter(Number.isFinite).sort();
  if (finite.length === 0) return null;
  return [quantileSorted(finite, lo), quantileSorted(finite, hi)];
}

/**
 * `range` widened by `fraction` of its width on each side (in log10 space for a log
 * scale). A zero-width range becomes a small interval around its value.
 */
export function padRange(range: Range, kind: ScaleKind, fraction = PAD_FRACTION): Range {
  const [a, b] = range;
  if (kind === 'log') {
    const la = Math.log10(a);
    const lb = Math.log10(b);
    const pad = lb > la ? (lb - la) * fraction : 0.5;
    return [Math.pow(10, la - pad), Math.pow(10, lb + pad)];
  }
  if (b > a) {
    const pad = (b - a) * fraction;
    return [a - pad, b + pad];
  }
  const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
  return [a - pad, a + pad];
}

/**
 * The values of each `y` whose `x` lies in `xRange` (all values when it is null) that
 * the y scale can show: finite, and positive for a log scale.
 */
export function valuesInView(lines: readonly { readonly x: Float64Array; readonly y: Float64Array }[], xRange: Range | null, kind: ScaleKind): Float64Array {
  let total = 0;
  for (const l of lines) total += l.y.length;
  const out = new Float64Array(total);
  let n = 0;
  for (const { x, y } of lines) {
    for (let i = 0; i < y.length; i++) {
      const v = y[i]!;
      if (!Number.isFinite(v) || (kind === 'log' && v <= 0)) continue;
      if (xRange && !(x[i]! >= xRange[0] && x[i]! <= xRange[1])) continue;
      out[n++] = v;
    }
  }
  return out.subarray(0, n);
}

/**
 * The y domain for `values` (already filtered by {@link valuesInView}): their extent,
 * or with `ignoreOutliers` their 5th to 95th percentile, padded. Null when empty.
 */
export function yDomain(values: Float64Array, kind: ScaleKind, ignoreOutliers: boolean): Range | null {
  const range = ignoreOutliers ? percentileBounds(values) : finiteExtent([values]);
  return range ? padRange(range, kind) : null;
}
