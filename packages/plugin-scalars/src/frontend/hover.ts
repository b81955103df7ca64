/**
 * What the tooltip shows for a mouse position: for each run, its point nearest to the
 * mouse's x, with its value, smoothed value, step and times; nearest run first, by the
 * vertical distance of its smoothed line to the mouse.
 */
import type { Scale } from '@tb/ui';
import type { ChartLine, PlotRect } from './chart-frame.js';
import { nearestIndex } from './nearest.js';

/** One run's row in the tooltip. */
export interface HoverRow {
  readonly run: string;
  readonly color: string;
  readonly index: number;
  readonly step: number;
  /** Seconds since the epoch. */
  readonly wall: number;
  /** Seconds since the run's first point. */
  readonly relative: number;
  readonly value: number;
  readonly smoothed: number;
  /** Where the point is drawn (CSS pixels); py is NaN when the y scale cannot place it. */
  readonly px: number;
  readonly py: number;
}

/** Scales and plot of the drawn frame. */
export interface HoverFrame {
  readonly x: Scale;
  readonly y: Scale;
  readonly plot: PlotRect;
}

/**
 * The rows for the mouse at (mouseX, mouseY) in CSS pixels of the canvas. Runs whose
 * nearest point lies outside the plot (zoomed away) are left out.
 */
export function hoverRows(lines: readonly ChartLine[], frame: HoverFrame, mouseX: number, mouseY: number): HoverRow[] {
  const target = frame.x.invert(mouseX);
  const rows: HoverRow[] = [];
  for (const line of lines) {
    const i = nearestIndex(line.x, target, line.ascending);
    if (i < 0) continue;
    const px = frame.x.map(line.x[i]!);
    if (!(px >= frame.plot.left - 1 && px <= frame.plot.right + 1)) continue;
    const { series } = line;
    const smoothed = line.smoothed[i]!;
    rows.push({
      run: line.run,
      color: line.color,
      index: i,
      step: series.step[i]!,
      wall: series.wall[i]!,
      relative: series.wall[i]! - series.wall[0]!,
      value: series.value[i]!,
      smoothed,
      px,
      py: frame.y.map(smoothed),
    });
  }
  const distance = (r: HoverRow) => (Number.isFinite(r.py) ? Math.abs(r.py - mouseY) : Infinity);
  return rows.sort((a, b) => distance(a) - distance(b));
}
