/**
 * Box zoom: a drag over the plot becomes data ranges for x and y. A drag that is thin
 * in one direction zooms the other direction only (a flat drag zooms x and fits y).
 */
import type { Scale } from '@tb/ui';
import type { Range } from './extent.js';

/** The zoomed ranges in data units; null on an axis means "fit the data". */
export interface Zoom {
  readonly x: Range | null;
  readonly y: Range | null;
}

/** No zoom: both axes fit the data. */
export const NO_ZOOM: Zoom = { x: null, y: null };

/** A drag shorter than this (px) in a direction does not zoom that direction. */
export const MIN_DRAG_PX = 5;

/** Whether `zoom` zooms anything. */
export function isZoomed(zoom: Zoom): boolean {
  return zoom.x !== null || zoom.y !== null;
}

/** The two pixel ends of a drag as a data range of `scale`, ascending. */
function dataRange(scale: Scale, a: number, b: number): Range {
  const u = scale.invert(a);
  const v = scale.invert(b);
  return u <= v ? [u, v] : [v, u];
}

/**
 * The zoom for a drag from (x0, y0) to (x1, y1) in pixels (already clamped to the plot),
 * on top of `current`; null when the drag is too small to mean a zoom.
 *
 * @example zoomFromDrag(x, y, 10, 10, 110, 12, NO_ZOOM) // x zoomed, y still fitting the data
 */
export function zoomFromDrag(xScale: Scale, yScale: Scale, x0: number, y0: number, x1: number, y1: number, current: Zoom): Zoom | null {
  const wide = Math.abs(x1 - x0) >= MIN_DRAG_PX;
  const tall = Math.abs(y1 - y0) >= MIN_DRAG_PX;
  if (!wide && !tall) return null;
  return {
    x: wide ? dataRange(xScale, x0, x1) : current.x,
    y: tall ? dataRange(yScale, y0, y1) : current.y,
  };
}
