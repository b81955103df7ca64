/**
 * A scatter plot's points as pixels (one metric against one hyperparameter), and the
 * point nearest the mouse.
 */
import type { AxisScale } from './axis-scale.js';
import type { Row } from './columns.js';

/** Each row's pixel in one plot; NaN where it lacks either value. */
export interface PointGeometry {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** The pixels of `rows` with column `xi` on `x` and column `yi` on `y`. */
export function pointGeometry(rows: readonly Row[], xi: number, yi: number, x: AxisScale, y: AxisScale): PointGeometry {
  const xs = new Float64Array(rows.length);
  const ys = new Float64Array(rows.length);
  rows.forEach((row, r) => {
    xs[r] = x.position(row.cells[xi] ?? null);
    ys[r] = y.position(row.cells[yi] ?? null);
  });
  return { xs, ys };
}

/** The index among `candidates` of the point nearest (`mx`, `my`) within `maxDistance` px, or -1. */
export function nearestPoint(g: PointGeometry, candidates: Iterable<number>, mx: number, my: number, maxDistance: number): number {
  let best = -1;
  let bestSq = maxDistance * maxDistance;
  for (const r of candidates) {
    const dx = g.xs[r]! - mx;
    const dy = g.ys[r]! - my;
    const sq = dx * dx + dy * dy;
    if (sq <= bestSq) {
      best = r;
      bestSq = sq;
    }
  }
  return best;
}
