/**
 * Time-range helpers on [start, end) pairs.
 */
import type { TimeRange } from './types.js';

/** The union of `ranges` as sorted, disjoint ranges (touching ranges join). Sorts `ranges` in place unless `sorted`. */
export function mergeRanges(ranges: TimeRange[], sorted = false): TimeRange[] {
  if (ranges.length === 0) return [];
  if (!sorted) ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [[ranges[0]![0], ranges[0]![1]]];
  for (let i = 1; i < ranges.length; i++) {
    const r = ranges[i] as TimeRange;
    const last = out[out.length - 1] as [number, number];
    if (r[1] > last[1]) {
      if (r[0] <= last[1]) last[1] = r[1];
      else out.push([r[0], r[1]]);
    }
  }
  return out;
}
