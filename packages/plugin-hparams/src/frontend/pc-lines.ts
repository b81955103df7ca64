/**
 * The lines of the parallel-coordinates plot as numbers: each row's pixel on each axis
 * in one Float64Array (NaN where a row has no value, which breaks its line there), the
 * SVG path of a line, and the line nearest the mouse, found by interpolating every
 * line between the two axes around it (no hit-testing of thin strokes).
 */
import type { AxisScale } from './axis-scale.js';
import type { Row } from './columns.js';

/** Every row's y on every axis: `ys[row * axes + axis]`. */
export interface LineGeometry {
  readonly xs: readonly number[];
  readonly ys: Float64Array;
  readonly rows: number;
}

/**
 * The x of each of `n` axes spread over [left, right]; one axis sits in the middle.
 *
 * @example axisXs(3, 0, 100) // [0, 50, 100]
 */
export function axisXs(n: number, left: number, right: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [(left + right) / 2];
  const step = (right - left) / (n - 1);
  return Array.from({ length: n }, (_, i) => left + i * step);
}

/** The y of every row on every axis; `indices[a]` is the column index axis `a` shows. */
export function lineGeometry(rows: readonly Row[], indices: readonly number[], scales: readonly AxisScale[], xs: readonly number[]): LineGeometry {
  const axes = indices.length;
  const ys = new Float64Array(rows.length * axes);
  rows.forEach((row, r) => {
    for (let a = 0; a < axes; a++) ys[r * axes + a] = scales[a]!.position(row.cells[indices[a]!] ?? null);
  });
  return { xs, ys, rows: rows.length };
}

/**
 * The SVG path of row `r`: a polyline through its axes, broken where it has no value
 * (a lone point becomes a short tick so that it still shows).
 */
export function linePath(g: LineGeometry, r: number): string {
  const axes = g.xs.length;
  let d = '';
  let open = false;
  for (let a = 0; a < axes; a++) {
    const y = g.ys[r * axes + a]!;
    if (!Number.isFinite(y)) {
      open = false;
      continue;
    }
    const x = g.xs[a]!;
    const nextFinite = a + 1 < axes && Number.isFinite(g.ys[r * axes + a + 1]!);
    if (open) d += `L${x.toFixed(1)},${y.toFixed(1)}`;
    else if (nextFinite || axes === 1) d += `M${x.toFixed(1)},${y.toFixed(1)}`;
    else d += `M${(x - 3).toFixed(1)},${y.toFixed(1)}h6`;
    open = true;
  }
  return d;
}

/**
 * The row whose line passes nearest (vertically) to (`mx`, `my`) among `candidates`
 * (row indices), if within `maxDistance` pixels; -1 otherwise.
 */
export function nearestLine(g: LineGeometry, candidates: Iterable<number>, mx: number, my: number, maxDistance: number): number {
  const { xs } = g;
  const axes = xs.length;
  if (axes === 0) return -1;
  let a = 0;
  while (a + 1 < axes && xs[a + 1]! < mx) a++;
  const single = axes === 1 || mx <= xs[0]! || mx >= xs[axes - 1]!;
  const b = single ? a : a + 1;
  const edge = single ? (mx >= xs[axes - 1]! ? axes - 1 : 0) : a;
  const t = single ? 0 : (mx - xs[a]!) / (xs[b]! - xs[a]! || 1);
  let best = -1;
  let bestDistance = maxDistance;
  for (const r of candidates) {
    let y: number;
    if (single) y = g.ys[r * axes + edge]!;
    else {
      const y0 = g.ys[r * axes + a]!;
      const y1 = g.ys[r * axes + b]!;
      y = y0 + (y1 - y0) * t;
    }
    const d = Math.abs(y - my);
    if (d <= bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  return best;
}
