/**
 * Brushes on the parallel-coordinates axes, kept in data units so that they survive a
 * resize or a switch between linear and log: a numeric axis' brush is a closed interval,
 * a category axis' brush the set of categories inside it. Brushes on several axes
 * combine (a line must pass every one).
 */
import type { AxisScale } from './axis-scale.js';
import type { CellValue, Value } from './columns.js';

/** A brush in data units. */
export type Brush =
  | { readonly kind: 'range'; readonly min: number; readonly max: number }
  | { readonly kind: 'values'; readonly values: readonly Value[] };

/** Within this many pixels of an axis' end, a brush edge takes the end's value exactly. */
const SNAP_PX = 1;

/** The number at pixel `px`, exactly the domain's end near either end of the axis. */
function valueAt(scale: AxisScale, px: number): number {
  const [r0, r1] = scale.range;
  if (scale.domain && Math.abs(px - r0) <= SNAP_PX) return scale.domain[0];
  if (scale.domain && Math.abs(px - r1) <= SNAP_PX) return scale.domain[1];
  return scale.invert(px);
}

/**
 * The brush for the pixel extent `[a, b]` (either order) on `scale`, or null for an
 * empty extent (a click, which clears the brush).
 *
 * @example brushFromExtent(linear [0, 1] over [100, 0], [0, 50]) // { kind: 'range', min: 0.5, max: 1 }
 */
export function brushFromExtent(scale: AxisScale, extent: readonly [number, number]): Brush | null {
  const lo = Math.min(extent[0], extent[1]);
  const hi = Math.max(extent[0], extent[1]);
  if (!(hi > lo)) return null;
  if (scale.kind === 'category') {
    return { kind: 'values', values: scale.categories.filter((c) => {
      const p = scale.position(c);
      return p >= lo && p <= hi;
    }) };
  }
  const x = valueAt(scale, lo);
  const y = valueAt(scale, hi);
  return { kind: 'range', min: Math.min(x, y), max: Math.max(x, y) };
}

/** Half the height of a brush drawn around one category, in pixels. */
const CATEGORY_HALF_PX = 8;

/**
 * The pixel extent (ascending) that shows `brush` on `scale`, or null when it cannot be
 * shown there (a range on a category axis, no category selected).
 */
export function extentOfBrush(scale: AxisScale, brush: Brush): [number, number] | null {
  if (brush.kind === 'values') {
    if (scale.kind !== 'category') return null;
    const ps = brush.values.map((v) => scale.position(v)).filter((p) => Number.isFinite(p));
    if (ps.length === 0) return null;
    const step = Math.abs(scale.range[1] - scale.range[0]) / Math.max(1, scale.categories.length);
    const half = Math.min(CATEGORY_HALF_PX, step / 2);
    return [Math.min(...ps) - half, Math.max(...ps) + half];
  }
  if (scale.kind === 'category') return null;
  let a = scale.position(brush.min);
  let b = scale.position(brush.max);
  // Log axes cannot place values at or below zero: such an end reaches the axis' end.
  if (Number.isNaN(a)) a = scale.range[0];
  if (Number.isNaN(b)) b = scale.range[1];
  const lo = Math.max(Math.min(a, b), Math.min(...scale.range));
  const hi = Math.min(Math.max(a, b), Math.max(...scale.range));
  return hi >= lo ? [lo, hi] : null;
}

/** The test a cell must pass to lie inside `brush`; a missing value never does. */
export function brushTest(brush: Brush): (v: CellValue) => boolean {
  if (brush.kind === 'values') {
    const allowed = new Set<Value>(brush.values);
    return (v) => v !== null && allowed.has(v);
  }
  return (v) => typeof v === 'number' && v >= brush.min && v <= brush.max;
}
