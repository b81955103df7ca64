/**
 * The visible time window and how keys, the wheel and dragging move it: zooming keeps
 * the time under the anchor (the mouse) where it is on screen, panning moves by a share
 * of the window, and the window never leaves the timeline by more than its own margin
 * nor shrinks below a nanosecond.
 */

/** A time window, microseconds since the timeline origin, start < end. */
export interface Viewport {
  readonly start: number;
  readonly end: number;
}

/** The narrowest window, microseconds (1 ns). */
export const MIN_SPAN = 1e-3;

/** The whole timeline with a small margin each side. */
export function fullView(duration: number): Viewport {
  const span = Math.max(duration, MIN_SPAN);
  return { start: -span * 0.01, end: span * 1.01 };
}

/** Keeps a window within [-span, duration + span] of its own width, and at least {@link MIN_SPAN}. */
export function clampView(v: Viewport, duration: number): Viewport {
  const full = fullView(duration);
  const fullSpan = full.end - full.start;
  let span = Math.min(Math.max(v.end - v.start, MIN_SPAN), fullSpan * 2);
  if (!Number.isFinite(span)) span = fullSpan;
  let start = Number.isFinite(v.start) ? v.start : full.start;
  const lo = full.start - span / 2;
  const hi = full.end + span / 2 - span;
  start = Math.min(Math.max(start, lo), Math.max(lo, hi));
  return { start, end: start + span };
}

/**
 * Zooms by `factor` (< 1 zooms in) around `anchor`, a fraction (0..1) of the width: the
 * time at the anchor stays at the anchor.
 */
export function zoomAt(v: Viewport, factor: number, anchor: number, duration: number): Viewport {
  const span = v.end - v.start;
  const at = v.start + span * anchor;
  const next = Math.max(span * factor, MIN_SPAN);
  return clampView({ start: at - next * anchor, end: at - next * anchor + next }, duration);
}

/** Moves the window by `fraction` of its width (positive: later). */
export function panBy(v: Viewport, fraction: number, duration: number): Viewport {
  const d = (v.end - v.start) * fraction;
  return clampView({ start: v.start + d, end: v.end + d }, duration);
}

/** A window showing [start, start + dur] with a margin, for "fit the selection". */
export function fitRange(start: number, dur: number, duration: number): Viewport {
  const span = Math.max(dur, MIN_SPAN * 10);
  return clampView({ start: start - span * 0.1, end: start + span * 1.1 }, duration);
}

/** The time at x pixels of a `width`-pixel window. */
export function timeAt(v: Viewport, x: number, width: number): number {
  return v.start + ((v.end - v.start) * x) / Math.max(width, 1);
}

/** The x position (pixels) of time `t` in a `width`-pixel window. */
export function xOf(v: Viewport, t: number, width: number): number {
  return ((t - v.start) / (v.end - v.start)) * width;
}
