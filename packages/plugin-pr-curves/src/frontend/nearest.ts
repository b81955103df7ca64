/**
 * The point of a PR curve nearest the mouse, in pixels, for the tooltip: one per run.
 */
import type { PrEntry } from './api.js';

/** One threshold of one run's curve, with everything the tooltip shows of it. */
export interface CurvePoint {
  readonly index: number;
  readonly threshold: number;
  readonly precision: number;
  readonly recall: number;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

/** The point at column `i` of an entry. */
export function pointAt(e: PrEntry, i: number): CurvePoint {
  return {
    index: i,
    threshold: e.thresholds[i]!,
    precision: e.precision[i]!,
    recall: e.recall[i]!,
    tp: e.true_positives[i]!,
    fp: e.false_positives[i]!,
    tn: e.true_negatives[i]!,
    fn: e.false_negatives[i]!,
  };
}

/**
 * The point of `e` closest to pixel (x, y), with `px(recall)` and `py(precision)` the
 * chart's scales; undefined for an empty curve. Points with a non-finite coordinate are skipped.
 */
export function nearestPoint(e: PrEntry, x: number, y: number, px: (recall: number) => number, py: (precision: number) => number): CurvePoint | undefined {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < e.thresholds.length; i++) {
    const dx = px(e.recall[i]!) - x;
    const dy = py(e.precision[i]!) - y;
    const d = dx * dx + dy * dy;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best < 0 ? undefined : pointAt(e, best);
}
