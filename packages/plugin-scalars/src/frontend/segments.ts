/**
 * Restarts: a job restarted into the same log directory writes steps 0, 1, ... again
 * after its earlier points, and the server keeps every point in file order. A series is
 * cut into segments wherever a step is not greater than the step before it; each
 * segment is drawn as its own line (no line running back to the left) and smoothed
 * on its own. A series written in order is one segment.
 */
import { reduceColumns, type PixelPath } from './columns.js';
import { isAscending, nearestIndex, visibleWindow } from './nearest.js';

/** The start index of each segment (the first is 0); empty for an empty series. */
export type SegmentStarts = Uint32Array;

const ONE_SEGMENT = Uint32Array.of(0);
const NO_SEGMENT = new Uint32Array(0);

/**
 * Where the segments of a series start: at 0, and at every point whose step is not
 * greater than the previous point's step.
 *
 * @example segmentStarts(Float64Array.of(0, 1, 2, 0, 1)) // [0, 3]
 */
export function segmentStarts(step: Float64Array): SegmentStarts {
  if (step.length === 0) return NO_SEGMENT;
  let breaks = 0;
  for (let i = 1; i < step.length; i++) if (step[i]! <= step[i - 1]!) breaks++;
  if (breaks === 0) return ONE_SEGMENT;
  const out = new Uint32Array(breaks + 1);
  let k = 1;
  for (let i = 1; i < step.length; i++) if (step[i]! <= step[i - 1]!) out[k++] = i;
  return out;
}

/** The index range [from, to) of segment `k` of a series of `length` points. */
export function segmentRange(starts: SegmentStarts, k: number, length: number): [number, number] {
  return [starts[k]!, k + 1 < starts.length ? starts[k + 1]! : length];
}

/** Whether `x` never decreases inside any segment (binary searches allowed per segment). */
export function ascendingWithin(x: Float64Array, starts: SegmentStarts): boolean {
  if (starts.length <= 1) return isAscending(x);
  for (let k = 0; k < starts.length; k++) {
    const [from, to] = segmentRange(starts, k, x.length);
    if (!isAscending(x.subarray(from, to))) return false;
  }
  return true;
}

/**
 * Applies `fn` to each segment of `values` on its own and puts the results together.
 * One segment gives `fn(values)` itself.
 *
 * @example perSegment(values, starts, (v) => emaSmooth(v, 0.6))
 */
export function perSegment(values: Float64Array, starts: SegmentStarts, fn: (segment: Float64Array) => Float64Array): Float64Array {
  if (starts.length <= 1) return fn(values);
  const out = new Float64Array(values.length);
  for (let k = 0; k < starts.length; k++) {
    const [from, to] = segmentRange(starts, k, values.length);
    out.set(fn(values.subarray(from, to)), from);
  }
  return out;
}

/**
 * The index of the point nearest to `target` in x within each segment (one per
 * non-empty segment), for the hover to choose among when segments overlap in x.
 */
export function nearestPerSegment(x: Float64Array, starts: SegmentStarts, target: number, ascending: boolean): number[] {
  if (starts.length <= 1) {
    const i = nearestIndex(x, target, ascending);
    return i >= 0 ? [i] : [];
  }
  const out: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    const [from, to] = segmentRange(starts, k, x.length);
    const i = nearestIndex(x.subarray(from, to), target, ascending);
    if (i >= 0) out.push(from + i);
  }
  return out;
}

/**
 * The pixel path of a segmented line: each segment reduced per pixel column on its own
 * (see columns.ts), the segments separated by a NaN pair so that none joins the next.
 * With `inView` (a zoomed x range) and `ascending` x, only the points in view (and one
 * more on each side) of each segment are reduced.
 */
export function segmentedPath(
  x: Float64Array,
  y: Float64Array,
  mapX: (v: number) => number,
  mapY: (v: number) => number,
  starts: SegmentStarts,
  inView: readonly [number, number] | null,
  ascending: boolean,
): PixelPath {
  const parts: PixelPath[] = [];
  for (let k = 0; k < starts.length; k++) {
    let [from, to] = segmentRange(starts, k, x.length);
    if (inView && ascending) {
      const [a, b] = visibleWindow(x.subarray(from, to), inView[0], inView[1]);
      [from, to] = [from + a, from + b];
    }
    if (to <= from) continue;
    const part = reduceColumns(x, y, mapX, mapY, from, to);
    if (part.length > 0) parts.push(part);
  }
  if (parts.length === 1) return parts[0]!;
  const length = parts.reduce((n, p) => n + p.length, 0) + 2 * Math.max(0, parts.length - 1);
  const out = new Float32Array(length);
  let at = 0;
  for (const p of parts) {
    if (at > 0) {
      out[at++] = NaN;
      out[at++] = NaN;
    }
    out.set(p, at);
    at += p.length;
  }
  return out;
}
