/**
 * Finding points by x: the nearest point to the mouse (binary search on a sorted
 * column; a scan when steps were written out of order) and the index window of a
 * zoomed x range.
 */

/** Whether `x` never decreases (NaN breaks it). */
export function isAscending(x: Float64Array): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i]! >= x[i - 1]!)) return false;
  return true;
}

/** The first index whose x is >= `target` in ascending `x` (x.length when none). */
export function lowerBound(x: Float64Array, target: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the point of `x` nearest to `target` (the earlier one on a tie); -1
 * when `x` has no finite value. `ascending` (from {@link isAscending}) allows a binary search.
 */
export function nearestIndex(x: Float64Array, target: number, ascending: boolean): number {
  if (x.length === 0) return -1;
  if (ascending) {
    const i = lowerBound(x, target);
    if (i === 0) return 0;
    if (i === x.length) return x.length - 1;
    return target - x[i - 1]! <= x[i]! - target ? i - 1 : i;
  }
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i]! - target);
    if (d < bestD) (best = i), (bestD = d);
  }
  return best;
}

/** The first index whose x is > `target` in ascending `x` (x.length when none). */
export function upperBound(x: Float64Array, target: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The indices [from, to) to draw for the x range [lo, hi] of ascending `x`: the points
 * inside and one more on each side, so lines run on to the frame.
 *
 * @example visibleWindow(Float64Array.of(0, 1, 2, 3, 4), 1.5, 2.5) // [1, 4]
 */
export function visibleWindow(x: Float64Array, lo: number, hi: number): [number, number] {
  const from = Math.max(0, lowerBound(x, lo) - 1);
  const to = Math.min(x.length, upperBound(x, hi) + 1);
  return [from, Math.max(from, to)];
}
