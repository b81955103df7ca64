/**
 * An edge's SVG path: a smooth cubic B-spline through dagre's points (the curve TensorBoard
 * and most graph drawings use), straight when there are only two points.
 */
import type { Point } from './layout-types.js';

const r = (v: number) => Math.round(v * 10) / 10;

/** The `d` of a smooth path through `points` (a B-spline: it starts and ends on them). */
export function edgePath(points: readonly Point[]): string {
  if (points.length === 0) return '';
  const [first] = points;
  if (points.length < 3) return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join('');
  let d = `M${r(first!.x)},${r(first!.y)}`;
  const p = (i: number) => points[Math.max(0, Math.min(points.length - 1, i))]!;
  // The first span runs straight to the spline's start, the others are Bézier segments of
  // the uniform cubic B-spline with the end points repeated.
  const a = p(0);
  const b = p(1);
  d += `L${r((5 * a.x + b.x) / 6)},${r((5 * a.y + b.y) / 6)}`;
  for (let i = 1; i < points.length; i++) {
    const p0 = p(i - 1);
    const p1 = p(i);
    const p2 = i + 1 < points.length ? p(i + 1) : p1;
    d += `C${r((2 * p0.x + p1.x) / 3)},${r((2 * p0.y + p1.y) / 3)} ${r((p0.x + 2 * p1.x) / 3)},${r((p0.y + 2 * p1.y) / 3)} ${r((p0.x + 4 * p1.x + p2.x) / 6)},${r((p0.y + 4 * p1.y + p2.y) / 6)}`;
  }
  const last = p(points.length - 1);
  d += `L${r(last.x)},${r(last.y)}`;
  return d;
}
