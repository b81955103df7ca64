/**
 * Paints the trace viewer's canvas: the time axis, the label column, and for the visible
 * rows only, the slices of the visible window (merged below a pixel), counters as filled
 * step charts, the selection, search dimming and the selected slice's flow arrows.
 */
import type { Timeline } from '../../timeline/types.js';
import { sliceTextColor } from './colors.js';
import { sliceY, type RelatedFlow } from './hit.js';
import { xOf, type Viewport } from './navigation.js';
import { timeTicks } from './TimeAxis.js';
import { COUNTER_HEIGHT, LEVEL_HEIGHT, visibleRows, type TrackLayout } from './TrackLayout.js';
import { counterSteps, lowerBound, upperBound, visibleRects, type LevelIndex } from './visible.js';

/** Chrome colours, read from the theme's CSS variables. */
export interface ChromeColors {
  readonly bg: string;
  readonly surface: string;
  readonly header: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly accent: string;
  readonly font: string;
}

/** Everything one frame needs. Sizes are CSS pixels. */
export interface Scene {
  readonly t: Timeline;
  readonly levels: LevelIndex;
  readonly layout: TrackLayout;
  readonly view: Viewport;
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  readonly axisHeight: number;
  readonly scrollTop: number;
  readonly dark: boolean;
  readonly palette: readonly string[];
  readonly colors: ChromeColors;
  readonly selected: number;
  /** Search matches (1 per matching slice), or null without a search. */
  readonly mask: Uint8Array | null;
  readonly flows: readonly RelatedFlow[];
  /** Start times of the search matches, ascending (marked on the axis, so matches merged into a pixel still show). */
  readonly matchStarts: Float64Array;
  /** The largest value of each counter. */
  readonly counterMax: readonly number[];
}

/** Approximate width of a label character at 11px, for truncating without measuring every label. */
const CHAR_PX = 6.2;

/** Draws a frame onto `ctx` (already scaled for devicePixelRatio). */
export function drawScene(ctx: CanvasRenderingContext2D, s: Scene): void {
  const { width, height, labelWidth, axisHeight, colors } = s;
  const plotWidth = Math.max(1, width - labelWidth);
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, width, height);
  ctx.font = `11px ${colors.font}`;
  ctx.textBaseline = 'middle';
  const ticks = timeTicks(s.view, plotWidth);

  // Grid lines behind the tracks.
  ctx.fillStyle = colors.border;
  for (const tick of ticks) ctx.fillRect(labelWidth + Math.round(tick.x), axisHeight, 1, height - axisHeight);

  const [from, to] = visibleRows(s.layout, s.scrollTop, s.scrollTop + height - axisHeight);
  const top = axisHeight - s.scrollTop;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, axisHeight, width, height - axisHeight);
  ctx.clip();
  for (let r = from; r < to; r++) {
    const row = s.layout.rows[r]!;
    const y = top + row.y;
    if (row.kind === 'process') {
      ctx.fillStyle = colors.header;
      ctx.fillRect(0, y, width, row.height);
      ctx.fillStyle = colors.text;
      ctx.font = `bold 12px ${colors.font}`;
      ctx.fillText(`${row.collapsed ? '▸' : '▾'} ${s.t.processes[row.process]?.name ?? ''}`, 6, y + row.height / 2);
      ctx.font = `11px ${colors.font}`;
    } else if (row.kind === 'track') {
      drawTrack(ctx, s, row.track, y, plotWidth);
    } else {
      drawCounter(ctx, s, row.counter, y, plotWidth);
    }
    ctx.fillStyle = colors.border;
    ctx.fillRect(0, y + row.height - 0.5, width, 0.5);
  }
  drawFlows(ctx, s, top, plotWidth);
  ctx.restore();

  // Label column edge and axis band on top.
  ctx.fillStyle = colors.border;
  ctx.fillRect(labelWidth - 1, 0, 1, height);
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, width, axisHeight);
  ctx.fillStyle = colors.border;
  ctx.fillRect(0, axisHeight - 1, width, 1);
  drawMatchMarks(ctx, s, plotWidth);
  ctx.fillStyle = colors.muted;
  for (const tick of ticks) {
    const x = labelWidth + tick.x;
    ctx.fillRect(Math.round(x), axisHeight - 6, 1, 5);
    ctx.fillText(tick.label, x + 3, axisHeight / 2 - 2);
  }
}

function drawTrack(ctx: CanvasRenderingContext2D, s: Scene, track: number, y: number, plotWidth: number): void {
  const { t, labelWidth, colors, mask } = s;
  ctx.fillStyle = colors.muted;
  ctx.fillText(clip(t.tracks[track]?.name ?? '', labelWidth - 20), 14, y + LEVEL_HEIGHT / 2);
  ctx.save();
  ctx.beginPath();
  ctx.rect(labelWidth, y, plotWidth, (s.levels[track]?.length ?? 0) * LEVEL_HEIGHT);
  ctx.clip();
  const textColor = sliceTextColor(s.dark);
  const levels = s.levels[track] ?? [];
  for (let d = 0; d < levels.length; d++) {
    const ly = y + d * LEVEL_HEIGHT;
    visibleRects(levels[d]!, s.view, plotWidth, (x, w, slice, count) => {
      const dim = mask !== null && !mask[slice];
      ctx.globalAlpha = dim ? 0.22 : 1;
      ctx.fillStyle = s.palette[t.slices.name[slice]!] ?? colors.muted;
      const left = labelWidth + Math.max(x, -2);
      const right = labelWidth + Math.min(x + w, plotWidth + 2);
      ctx.fillRect(left, ly + 1, Math.max(right - left, 0.5), LEVEL_HEIGHT - 2);
      if (count === 1 && right - left > 24) {
        const text = clip(t.names[t.slices.name[slice]!] ?? '', right - left - 6);
        if (text) {
          ctx.fillStyle = textColor;
          ctx.fillText(text, left + 3, ly + LEVEL_HEIGHT / 2);
        }
      }
      if (slice === s.selected && count === 1) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = colors.accent;
        ctx.lineWidth = 2;
        ctx.strokeRect(left + 1, ly + 1, Math.max(right - left - 2, 1), LEVEL_HEIGHT - 2);
      }
    });
  }
  ctx.globalAlpha = 1;
  ctx.restore();
}

function drawCounter(ctx: CanvasRenderingContext2D, s: Scene, index: number, y: number, plotWidth: number): void {
  const c = s.t.counters[index]!;
  const max = s.counterMax[index] || 1;
  ctx.fillStyle = s.colors.muted;
  ctx.fillText(clip(c.name, s.labelWidth - 20), 14, y + COUNTER_HEIGHT / 2);
  const steps = counterSteps(c, s.view, plotWidth);
  if (steps.length === 0) return;
  const base = y + COUNTER_HEIGHT;
  const yOf = (v: number): number => base - (Math.max(0, v) / max) * (COUNTER_HEIGHT - 2);
  ctx.beginPath();
  ctx.moveTo(s.labelWidth + steps[0]!.x, base);
  let prev = base;
  for (const step of steps) {
    const x = s.labelWidth + step.x;
    ctx.lineTo(x, prev);
    prev = yOf(step.value);
    ctx.lineTo(x, prev);
  }
  ctx.lineTo(s.labelWidth + plotWidth, prev);
  ctx.lineTo(s.labelWidth + plotWidth, base);
  ctx.closePath();
  ctx.fillStyle = s.colors.accent;
  ctx.globalAlpha = 0.35;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = s.colors.accent;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function drawFlows(ctx: CanvasRenderingContext2D, s: Scene, top: number, plotWidth: number): void {
  if (s.selected < 0 || s.flows.length === 0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(s.labelWidth, 0, plotWidth, s.height);
  ctx.clip();
  ctx.strokeStyle = s.colors.accent;
  ctx.fillStyle = s.colors.accent;
  ctx.lineWidth = 1.5;
  for (const f of s.flows) {
    const [a, b] = f.outgoing ? [s.selected, f.other] : [f.other, s.selected];
    const ya = sliceY(s.t, s.layout, a);
    const yb = sliceY(s.t, s.layout, b);
    if (ya < 0 || yb < 0) continue;
    const x1 = s.labelWidth + xOf(s.view, s.t.slices.start[a]!, plotWidth);
    const x2 = s.labelWidth + xOf(s.view, s.t.slices.start[b]!, plotWidth);
    const y1 = top + ya;
    const y2 = top + yb;
    const bend = Math.max(20, Math.abs(x2 - x1) / 2);
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo(x1 + bend, y1, x2 - bend, y2, x2, y2);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - 7, y2 - 4);
    ctx.lineTo(x2 - 7, y2 + 4);
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}

function drawMatchMarks(ctx: CanvasRenderingContext2D, s: Scene, plotWidth: number): void {
  const starts = s.matchStarts;
  if (starts.length === 0) return;
  ctx.fillStyle = s.colors.accent;
  let i = lowerBound(starts, s.view.start);
  const to = upperBound(starts, s.view.end);
  const scale = plotWidth / (s.view.end - s.view.start);
  while (i < to) {
    const col = Math.floor((starts[i]! - s.view.start) * scale);
    ctx.fillRect(s.labelWidth + col, s.axisHeight - 4, 2, 3);
    i = Math.max(i + 1, lowerBound(starts, s.view.start + (col + 1) / scale, i + 1, to));
  }
}

/** `text` cut to about `px` pixels, with an ellipsis. */
export function clip(text: string, px: number): string {
  const max = Math.floor(px / CHAR_PX);
  if (max <= 1) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
