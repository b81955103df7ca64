/**
 * Puts a {@link Frame} on a canvas: grid, axes and tick labels, then per run the faint
 * raw line under its smoothed line; and, on the overlay canvas, the hover guide, the
 * hovered points and the zoom box. Written against the few context methods it uses, so
 * it runs on any 2D canvas context.
 */
import type { PixelPath } from './columns.js';
import type { Frame } from './chart-frame.js';

/** The part of CanvasRenderingContext2D that painting uses. */
export interface Canvas2D {
  strokeStyle: string | object;
  fillStyle: string | object;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  lineJoin: 'bevel' | 'miter' | 'round';
  textAlign: 'center' | 'end' | 'left' | 'right' | 'start';
  textBaseline: 'alphabetic' | 'bottom' | 'hanging' | 'ideographic' | 'middle' | 'top';
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  save(): void;
  restore(): void;
  beginPath(): void;
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  stroke(): void;
  fill(): void;
  fillText(text: string, x: number, y: number): void;
  setLineDash(segments: number[]): void;
}

/** Colours and font from the theme's CSS variables. */
export interface ChartTheme {
  readonly text: string;
  readonly grid: string;
  readonly axis: string;
  readonly surface: string;
  readonly accent: string;
  readonly accentSoft: string;
  readonly font: string;
}

/** Opacity of the unsmoothed line under a smoothed one. */
export const RAW_ALPHA = 0.25;

/** Where a path is traced: a context's current path, or a Path2D. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/** Strokes one pixel path in the context's current style. */
export type StrokePath = (ctx: Canvas2D, path: PixelPath) => void;

/** Strokes `path` by tracing it into the context (the default {@link StrokePath}). */
export const strokeTraced: StrokePath = (ctx, path) => {
  ctx.beginPath();
  tracePath(ctx, path);
  ctx.stroke();
};

/** Above this many lines, smoothed lines are drawn 1 px wide instead of 1.5 (less clutter, much faster without a GPU). */
export const THIN_LINES_FROM = 9;

/** Adds `path` to `sink`; NaN pairs start a new sub-path. */
export function tracePath(ctx: PathSink, path: PixelPath): void {
  let pen = false;
  for (let i = 0; i + 1 < path.length; i += 2) {
    const x = path[i]!;
    const y = path[i + 1]!;
    if (Number.isNaN(x)) {
      pen = false;
    } else if (pen) {
      ctx.lineTo(x, y);
    } else {
      ctx.moveTo(x, y);
      pen = true;
    }
  }
}

/** A lone point (between breaks) draws nothing as a line; these get a dot. */
function loneVertices(path: PixelPath): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < path.length; i += 2) {
    if (Number.isNaN(path[i]!)) continue;
    const before = i === 0 || Number.isNaN(path[i - 2]!);
    const after = i + 2 >= path.length || Number.isNaN(path[i + 2]!);
    if (before && after) out.push(path[i]!, path[i + 1]!);
  }
  return out;
}

/**
 * Paints the frame at device-pixel ratio `dpr` (the canvas is width*dpr x height*dpr).
 * `stroke` may stroke cached Path2D objects instead of tracing each path again.
 */
export function paintFrame(ctx: Canvas2D, frame: Frame, theme: ChartTheme, dpr: number, stroke: StrokePath = strokeTraced): void {
  const { plot } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.font = `11px ${theme.font}`;
  ctx.lineWidth = 1;

  // Grid and tick labels.
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (const t of frame.yTicks) {
    const y = Math.round(t.px) + 0.5;
    ctx.moveTo(plot.left, y);
    ctx.lineTo(plot.right, y);
  }
  for (const t of frame.xTicks) {
    const x = Math.round(t.px) + 0.5;
    ctx.moveTo(x, plot.top);
    ctx.lineTo(x, plot.bottom);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.axis;
  ctx.beginPath();
  ctx.moveTo(plot.left + 0.5, plot.top);
  ctx.lineTo(plot.left + 0.5, plot.bottom + 0.5);
  ctx.lineTo(plot.right, plot.bottom + 0.5);
  ctx.stroke();

  ctx.fillStyle = theme.text;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of frame.yTicks) ctx.fillText(t.label, plot.left - 6, Math.min(plot.bottom, Math.max(plot.top, t.px)));
  ctx.textBaseline = 'top';
  for (const t of frame.xTicks) {
    // A label at the right edge would be cut in half: end it at the edge instead.
    const atEdge = t.px > frame.width - 24;
    ctx.textAlign = atEdge ? 'right' : 'center';
    ctx.fillText(t.label, atEdge ? frame.width - 2 : t.px, plot.bottom + 6);
  }

  // Lines, clipped to the plot.
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top - 1, plot.right - plot.left + 1, plot.bottom - plot.top + 2);
  ctx.clip();
  ctx.lineJoin = 'round';
  const width = frame.paths.length >= THIN_LINES_FROM ? 1 : 1.5;
  for (const p of frame.paths) {
    ctx.strokeStyle = p.color;
    ctx.fillStyle = p.color;
    if (p.raw) {
      ctx.globalAlpha = RAW_ALPHA;
      ctx.lineWidth = 1;
      stroke(ctx, p.raw);
    }
    ctx.globalAlpha = 1;
    ctx.lineWidth = width;
    stroke(ctx, p.smooth);
    const dots = loneVertices(p.smooth);
    if (dots.length) {
      ctx.beginPath();
      for (let i = 0; i < dots.length; i += 2) {
        ctx.moveTo(dots[i]! + 2, dots[i + 1]!);
        ctx.arc(dots[i]!, dots[i + 1]!, 2, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }
  ctx.restore();
}

/** What the overlay shows: the hovered points and guide, and the zoom box being dragged. */
export interface Overlay {
  readonly guideX: number | null;
  readonly points: readonly { readonly px: number; readonly py: number; readonly color: string }[];
  readonly box: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number } | null;
}

/** Paints the overlay canvas (same size as the chart's). */
export function paintOverlay(ctx: Canvas2D, frame: Frame, overlay: Overlay, theme: ChartTheme, dpr: number): void {
  const { plot } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  if (overlay.guideX !== null) {
    const x = Math.round(overlay.guideX) + 0.5;
    ctx.strokeStyle = theme.axis;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, plot.top);
    ctx.lineTo(x, plot.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = theme.surface;
  for (const p of overlay.points) {
    if (!Number.isFinite(p.py) || p.py < plot.top - 1 || p.py > plot.bottom + 1) continue;
    ctx.fillStyle = p.color;
    ctx.beginPath();
    ctx.arc(p.px, p.py, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  if (overlay.box) {
    const { x0, y0, x1, y1 } = overlay.box;
    ctx.fillStyle = theme.accentSoft;
    ctx.strokeStyle = theme.accent;
    ctx.lineWidth = 1;
    ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    ctx.strokeRect(Math.min(x0, x1) + 0.5, Math.min(y0, y1) + 0.5, Math.abs(x1 - x0), Math.abs(y1 - y0));
  }
}
