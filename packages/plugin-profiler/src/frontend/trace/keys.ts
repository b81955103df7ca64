/**
 * The trace viewer's keys, as in Chrome's trace viewer and Perfetto: W/S zoom in/out
 * around the mouse (or the centre), A/D pan, 0 or Home shows everything. Pure: a key and
 * the current window in, the next window (or null: not a navigation key) out.
 */
import { fullView, panBy, zoomAt, type Viewport } from './navigation.js';

/** Zoom factor of one W press (S is its inverse). */
export const KEY_ZOOM = 0.8;
/** Share of the window one A/D press pans. */
export const KEY_PAN = 0.15;

/** The window after pressing `key` with the mouse at `anchor` (0..1 of the width). */
export function keyNavigation(key: string, view: Viewport, anchor: number, duration: number): Viewport | null {
  switch (key.toLowerCase()) {
    case 'w':
      return zoomAt(view, KEY_ZOOM, anchor, duration);
    case 's':
      return zoomAt(view, 1 / KEY_ZOOM, anchor, duration);
    case 'a':
      return panBy(view, -KEY_PAN, duration);
    case 'd':
      return panBy(view, KEY_PAN, duration);
    case '0':
    case 'home':
      return fullView(duration);
    default:
      return null;
  }
}

/** The zoom factor of a wheel movement (`deltaY` in pixels): up zooms in. */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(Math.max(-200, Math.min(200, deltaY)) * 0.002);
}
