/**
 * Smoothing of a scalar curve. The default is TensorBoard's debiased exponential moving
 * average; a trailing simple moving average is offered too, its window derived from
 * the same slider weight so that both lag the data by about as much.
 */
import { perSegment, type SegmentStarts } from './segments.js';

/** Which smoother the slider drives. */
export type SmoothingMethod = 'ema' | 'sma';

/** Whether every finite value of `values` is the same (then smoothing must not move it). */
function finiteConstant(values: Float64Array): boolean {
  let first = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return true;
}

/**
 * TensorBoard's debiased EMA with weight `w` in [0, 1): `last = last*w + (1-w)*y`, and
 * the point shows `last / (1 - w^n)`, n counting the finite points so far. Non-finite
 * points come out unchanged and do not enter the average. A constant series stays
 * exactly constant. Returns a new array.
 *
 * @example emaSmooth(Float64Array.of(1, 0), 0.5) // [1, 1/3]
 */
export function emaSmooth(values: Float64Array, w: number): Float64Array {
  const out = new Float64Array(values.length);
  if (w <= 0 || finiteConstant(values)) {
    out.set(values);
    return out;
  }
  let last = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i]!;
    if (!Number.isFinite(y)) {
      out[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    n++;
    out[i] = last / (1 - Math.pow(w, n));
  }
  return out;
}

/**
 * The window of the simple moving average for slider weight `w`: the trailing window
 * whose mean lag, (k-1)/2 points, equals the EMA's, w/(1-w). 0 → 1 (no smoothing),
 * 0.6 → 4, 0.9 → 19, 0.99 → 199.
 */
export function smaWindow(w: number): number {
  if (!(w > 0)) return 1;
  if (w >= 1) return Number.MAX_SAFE_INTEGER;
  return Math.max(1, Math.round(1 + (2 * w) / (1 - w)));
}

/**
 * The trailing mean of the last `window` finite points at each finite point (fewer at
 * the start). Non-finite points come out unchanged and are not counted.
 *
 * @example smaSmooth(Float64Array.of(1, 2, 3, 4), 2) // [1, 1.5, 2.5, 3.5]
 */
export function smaSmooth(values: Float64Array, window: number): Float64Array {
  const out = new Float64Array(values.length);
  const k = Math.max(1, Math.floor(window));
  if (k === 1) {
    out.set(values);
    return out;
  }
  const ring = new Float64Array(Math.min(k, values.length || 1));
  let count = 0;
  let head = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i]!;
    if (!Number.isFinite(y)) {
      out[i] = y;
      continue;
    }
    if (count === ring.length) {
      sum -= ring[head]!;
    } else {
      count++;
    }
    ring[head] = y;
    head = (head + 1) % ring.length;
    sum += y;
    out[i] = sum / count;
  }
  return out;
}

/**
 * `values` smoothed by `method` with slider weight `w`; `w = 0` gives a copy. With
 * `segments` (see segments.ts), each segment is smoothed on its own: the average starts
 * again, debiased afresh, at a restart, so the new job's first values are not pulled
 * towards the old job's last ones. (TensorBoard's EMA has no notion of a restart: it
 * runs over the series in file order. Its Python loader drops the old points from the
 * restart step on when the writer logged SessionLog.START; without it, TensorBoard
 * smooths straight across the restart.)
 */
export function smooth(values: Float64Array, method: SmoothingMethod, w: number, segments?: SegmentStarts): Float64Array {
  const one = (v: Float64Array) => (method === 'sma' ? smaSmooth(v, smaWindow(w)) : emaSmooth(v, w));
  return segments ? perSegment(values, segments, one) : one(values);
}
