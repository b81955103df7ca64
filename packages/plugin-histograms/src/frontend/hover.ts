/**
 * What the pointer is over in a histogram chart: which step's ridge, and that step's
 * original bucket at the pointed value (so the readout shows the data, not the
 * re-binned drawing).
 */
import type { StepHistogram } from './api.js';

/**
 * Offset mode: the step whose baseline is the nearest at or below the pointer (its
 * ridge rises above its baseline); the front (last) step when the pointer is below all.
 * `baselines` are in step order, oldest first, increasing downward.
 */
export function offsetStepAt(baselines: readonly number[], y: number): number {
  let best = baselines.length - 1;
  for (let i = 0; i < baselines.length; i++) {
    if (baselines[i]! >= y && baselines[i]! < baselines[best]!) best = i;
  }
  return best;
}

/** Overlay mode: the step whose curve height (in pixels) at the pointed bin is nearest the pointer. */
export function overlayStepAt(curveY: (step: number) => number, steps: number, y: number): number {
  let best = 0;
  for (let s = 1; s < steps; s++) if (Math.abs(curveY(s) - y) < Math.abs(curveY(best) - y)) best = s;
  return best;
}

/** The bucket of `h` that holds `value` ([left, right), the last one closed); null outside. */
export function bucketAt(h: StepHistogram, value: number): readonly [number, number, number] | null {
  const n = h.buckets.length;
  for (let i = 0; i < n; i++) {
    const [l, r] = h.buckets[i]!;
    if (value >= l && (value < r || (i === n - 1 && value <= r))) return h.buckets[i]!;
  }
  return null;
}
