/**
 * Time-range arithmetic on sorted lists of half-open intervals [start, end) in
 * microseconds: the building block of the step breakdown, GPU utilization and the
 * communication overlap. Every function returns a new list and leaves its inputs alone.
 */

/** A half-open interval [start, end). */
export type Range = readonly [start: number, end: number];
/** An interval carrying a value (SM efficiency, occupancy). */
export type ValueRange = readonly [start: number, end: number, value: number];

/**
 * Sorts `ranges` by start and joins those that overlap or touch, so the result is
 * disjoint and ascending. A range that ends inside the previous one is absorbed.
 */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  if (ranges.length === 0) return [];
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [[sorted[0]![0], sorted[0]![1]]];
  for (let i = 1; i < sorted.length; i++) {
    const [s, e] = sorted[i]!;
    const last = out[out.length - 1]!;
    if (e > last[1]) {
      if (s <= last[1]) last[1] = e;
      else out.push([s, e]);
    }
  }
  return out;
}

/** Total length of `ranges` (assumed disjoint). */
export function rangesSum(ranges: readonly Range[]): number {
  let sum = 0;
  for (const r of ranges) sum += r[1] - r[0];
  return sum;
}

/** The parts of two disjoint ascending lists that lie in both. */
export function intersectRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x[0], y[0]);
    const end = Math.min(x[1], y[1]);
    if (start < end) out.push([start, end]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

/** The parts of the disjoint ascending list `a` that no range of `b` covers. */
export function subtractRanges(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const r of a) {
    let start = r[0];
    const end = r[1];
    while (j < b.length && b[j]![1] <= start) j++;
    let k = j;
    while (k < b.length && b[k]![0] < end) {
      const cut = b[k]!;
      if (cut[0] > start) out.push([start, cut[0]]);
      start = Math.max(start, cut[1]);
      if (start >= end) break;
      k++;
    }
    if (start < end) out.push([start, end]);
  }
  return out;
}

/**
 * Sweeps overlapping valued ranges into disjoint ones whose value is the sum of the
 * values active there, capped at 1; stretches where the sum is not positive are left
 * out. At equal times a start is taken before an end.
 */
export function mergeValueRanges(ranges: readonly ValueRange[]): ValueRange[] {
  if (ranges.length === 0) return [];
  const points: { t: number; end: 0 | 1; v: number }[] = [];
  for (const r of ranges) {
    points.push({ t: r[0], end: 0, v: r[2] });
    points.push({ t: r[1], end: 1, v: r[2] });
  }
  points.sort((a, b) => a.t - b.t || a.end - b.end);
  const out: ValueRange[] = [];
  let lastTime = points[0]!.t;
  let active = points[0]!.v;
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    if (p.t > lastTime && active > 0) out.push([lastTime, p.t, Math.min(active, 1)]);
    lastTime = p.t;
    active = p.end === 0 ? active + p.v : active - p.v;
  }
  return out;
}

/** The valued ranges of `a` clipped to the disjoint ascending list `b`. */
export function intersectValueRanges(a: readonly ValueRange[], b: readonly Range[]): ValueRange[] {
  const out: ValueRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x[0], y[0]);
    const end = Math.min(x[1], y[1]);
    if (start < end) out.push([start, end, x[2]]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}
