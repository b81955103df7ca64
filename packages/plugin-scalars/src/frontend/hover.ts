/**
 * What the tooltip shows for a mouse position: for each run, its point nearest to the
 * mouse's x, with its value, smoothed value, step and times; nearest run first, by the
 * vertical distance of its smoothed line to the mouse. Where a restart makes two
 * segments of a run cover the same x, the point of the segment nearer the mouse is taken.
 */
import type { Scale } from '@tb/ui';
import type { ChartLine, PlotRect } from './chart-frame.js';
import { nearestPerSegment } from './segments.js';

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

/** The index of `line`'s point nearest to x `target`; among segments as near, the one nearest to `mouseY`. */
function closest(line: ChartLine, frame: HoverFrame, target: number, mouseY: number): number {
  const candidates = nearestPerSegment(line.x, line.segments, target, line.ascending);
  let best = -1;
  let bestX = Infinity;
  let bestY = Infinity;
  for (const i of candidates) {
    const dx = Math.abs(line.x[i]! - target);
    const py = frame.y.map(line.smoothed[i]!);
    const dy = Number.isFinite(py) ? Math.abs(py - mouseY) : Infinity;
    if (dx < bestX || (dx === bestX && dy < bestY)) (best = i), (bestX = dx), (bestY = dy);
  }
  return best >= 0 ? best : (candidates[0] ?? -1);
}

/**
 * The rows for the mouse at (mouseX, mouseY) in CSS pixels of the canvas. Runs whose
 * nearest point lies outside the plot (zoomed away) are left out.
 */
export function hoverRows(lines: readonly ChartLine[], frame: HoverFrame, mouseX: number, mouseY: number): HoverRow[] {
  const target = frame.x.invert(mouseX);
  const rows: HoverRow[] = [];
  for (const line of lines) {
    const i = closest(line, frame, target, mouseY);
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

/**
 * The rows the tooltip lists for the tooltip setting `count`: the `count` runs nearest
 * to the mouse (rows come nearest first), or every row when `count` is 0.
 */
export function tooltipRows(rows: readonly HoverRow[], count: number): readonly HoverRow[] {
  return count > 0 && rows.length > count ? rows.slice(0, count) : rows;
}
