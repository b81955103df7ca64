/**
 * Which rows of a long table to render: those in the scroll viewport and a few on each
 * side, so that 1,000 sessions cost as much DOM as 30.
 */

/** Rows [start, end) to render, and the blank heights above and below them. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
  readonly padTop: number;
  readonly padBottom: number;
}

/**
 * The rows of `count` (each `rowHeight` px) to render for a viewport `height` px tall
 * scrolled to `scrollTop`, with `overscan` extra rows on each side.
 *
 * @example rowWindow(0, 280, 28, 1000) // rows 0..18, 27,496 px below
 */
export function rowWindow(scrollTop: number, height: number, rowHeight: number, count: number, overscan = 8): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
