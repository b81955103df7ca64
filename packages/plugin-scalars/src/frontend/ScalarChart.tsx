/**
 * One tag's chart: fetches its series when it comes into view, draws them on a canvas
 * (one redraw per animation frame at most), and handles the mouse: a tooltip with a
 * guide and dots on the hovered points (all runs, or the nearest few as the settings
 * say), drag to zoom a box, double-click to reset. The lines canvas carries
 * `data-path-hash`, a fingerprint of the drawn lines, and `data-segments`, how many
 * separate lines it drew (a restarted run draws one per segment).
 */
import { errorMessage, useVisible } from '@tb/ui';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { downsampleFor } from './api.js';
import { buildFrame, type ChartLine, type Frame } from './chart-frame.js';
import { chartLines, sameLines } from './chart-lines.js';
import { FrameQueue } from './frame-queue.js';
import { hoverRows, tooltipRows, type HoverRow } from './hover.js';
import type { PixelPath } from './columns.js';
import { paintFrame, paintOverlay, tracePath, type ChartTheme, type StrokePath } from './paint.js';
import type { SeriesStore } from './series-store.js';
import type { ScalarSettings } from './settings.js';
import { Tooltip, type TooltipContent } from './Tooltip.js';
import { useSize, type Size } from './use-size.js';
import { useStoreVersion } from './use-store-version.js';
import { NO_ZOOM, zoomFromDrag, type Zoom } from './zoom.js';

/** Props of {@link ScalarChart}. */
export interface ScalarChartProps {
  readonly tag: string;
  /** The selected runs that have this tag, in run order. */
  readonly runs: readonly string[];
  readonly store: SeriesStore;
  readonly colorOf: (run: string) => string;
  readonly settings: ScalarSettings;
  readonly zoom: Zoom;
  readonly onZoom: (zoom: Zoom) => void;
  /** Only to redraw in the other palette. */
  readonly darkMode: boolean;
}

/** All charts' redraws share one animation frame. */
const frames = new FrameQueue((cb) => requestAnimationFrame(cb));

/** Path2D of each pixel path, so a path reused by the next frame is not traced again. */
const path2ds = new WeakMap<PixelPath, Path2D>();
const strokeCached: StrokePath = (ctx, path) => {
  let p = path2ds.get(path);
  if (!p) {
    p = new Path2D();
    tracePath(p, path);
    path2ds.set(path, p);
  }
  (ctx as CanvasRenderingContext2D).stroke(p);
};

const NO_LINES: readonly ChartLine[] = [];

interface Drag {
  readonly x0: number;
  readonly y0: number;
  x1: number;
  y1: number;
}

/** What the frame callbacks read: always the latest render's inputs. */
interface ChartState {
  lines: readonly ChartLine[];
  settings: ScalarSettings;
  zoom: Zoom;
  size: Size;
  darkMode: boolean;
  canDraw: boolean;
  frame: Frame | null;
  frameLines: readonly ChartLine[];
  theme: ChartTheme | null;
  themeDark: boolean | null;
  hover: readonly HoverRow[];
  mouse: { x: number; y: number; clientX: number; clientY: number } | null;
  drag: Drag | null;
}

function readTheme(el: Element): ChartTheme {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--tb-text-muted', '#616161'),
    grid: v('--tb-border', '#e0e0e0'),
    axis: v('--tb-border-strong', '#bdbdbd'),
    surface: v('--tb-surface', '#ffffff'),
    accent: v('--tb-accent', '#f57c00'),
    accentSoft: v('--tb-accent-soft', 'rgba(245, 124, 0, 0.12)'),
    font: v('--tb-font', 'sans-serif'),
  };
}

/** Sizes a canvas's backing store to its CSS size times the device-pixel ratio. */
function fit(canvas: HTMLCanvasElement, size: Size, dpr: number): void {
  const w = Math.max(1, Math.round(size.width * dpr));
  const h = Math.max(1, Math.round(size.height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
}

/** A chart of one tag over the given runs. */
export function ScalarChart(props: ScalarChartProps) {
  const { tag, runs, store, settings } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const showTip = useRef<(content: TooltipContent | null) => void>(() => {});
  const visible = useVisible(wrap);
  const size = useSize(wrap);
  const version = useStoreVersion(store, tag);
  const runsKey = runs.join('\u0000');

  useEffect(() => {
    if (visible && size.width > 0 && runs.length > 0) store.request(tag, runs, downsampleFor(size.width));
  }, [visible, size.width, runsKey, version, store, tag]);

  const byRun = visible ? store.series(tag, runs) : null;
  const lines = byRun ? chartLines(byRun, runs, props.colorOf, settings) : NO_LINES;
  const loading = store.isLoading(tag);
  const error = store.error(tag);
  const fetched = byRun !== null && byRun.size > 0;

  const state = useRef<ChartState>({
    lines: NO_LINES,
    settings,
    zoom: props.zoom,
    size,
    darkMode: props.darkMode,
    canDraw: false,
    frame: null,
    frameLines: NO_LINES,
    theme: null,
    themeDark: null,
    hover: [],
    mouse: null,
    drag: null,
  });

  const drawOverlay = useCallback(() => {
    const s = state.current;
    const ctx = overlay.current?.getContext('2d');
    if (!ctx || !s.frame || !s.theme || !overlay.current) return;
    fit(overlay.current, s.size, devicePixelRatio || 1);
    const first = s.hover[0];
    paintOverlay(
      ctx,
      s.frame,
      { guideX: first ? first.px : null, points: s.hover.map((r) => ({ px: r.px, py: r.py, color: r.color })), box: s.drag },
      s.theme,
      devicePixelRatio || 1,
    );
  }, []);

  /**
   * Recomputes the tooltip for the mouse position, at once (the tooltip follows the
   * event); the overlay is painted on the next frame, or now when `paintNow`.
   */
  const updateHover = useCallback(
    (paintNow = false) => {
      const s = state.current;
      const m = s.mouse;
      const f = s.frame;
      // Anywhere over the chart, axes included: x is clamped to the plot (the first or last points).
      const inside = m && f && !s.drag && m.x >= 0 && m.x <= f.width && m.y >= 0 && m.y <= f.height;
      const rows = inside ? hoverRows(s.frameLines, f, Math.min(f.plot.right, Math.max(f.plot.left, m.x)), m.y) : [];
      s.hover = tooltipRows(rows, s.settings.tooltipRuns);
      if (inside && s.hover.length > 0) {
        // Client x of the canvas' left edge, from the event (no layout read).
        const origin = m.clientX - m.x;
        const pxs = s.hover.map((r) => r.px);
        showTip.current({
          rows: s.hover,
          clientX: m.clientX,
          clientY: m.clientY,
          pointsLeft: origin + Math.min(...pxs),
          pointsRight: origin + Math.max(...pxs),
        });
      } else {
        showTip.current(null);
      }
      if (paintNow) drawOverlay();
      else frames.schedule(drawOverlay);
    },
    [drawOverlay],
  );

  const draw = useCallback(() => {
    const s = state.current;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !s.canDraw || s.size.width <= 0 || s.size.height <= 0) return;
    const dpr = devicePixelRatio || 1;
    fit(el, s.size, dpr);
    if (!s.theme || s.themeDark !== s.darkMode) {
      s.theme = readTheme(el);
      s.themeDark = s.darkMode;
    }
    ctx.font = `11px ${s.theme.font}`;
    const options = {
      width: s.size.width,
      height: s.size.height,
      xType: s.settings.xAxis,
      yKind: s.settings.logY ? ('log' as const) : ('linear' as const),
      ignoreOutliers: s.settings.ignoreOutliers,
      zoom: s.zoom,
      measureText: (text: string) => ctx.measureText(text).width,
    };
    const frame = buildFrame(s.lines, options, s.frame ? { frame: s.frame, lines: s.frameLines } : undefined);
    paintFrame(ctx, frame, s.theme, dpr, strokeCached);
    s.frame = frame;
    s.frameLines = s.lines;
    el.setAttribute('data-path-hash', frame.hash);
    el.setAttribute('data-segments', String(frame.segments));
    updateHover(true);
  }, [updateHover]);

  // Hand the latest inputs to the frame callbacks; redraw only when they changed.
  useLayoutEffect(() => {
    const s = state.current;
    const canDraw = visible && fetched;
    const changed =
      !sameLines(s.lines, lines) ||
      s.settings.xAxis !== settings.xAxis ||
      s.settings.logY !== settings.logY ||
      s.settings.ignoreOutliers !== settings.ignoreOutliers ||
      s.zoom !== props.zoom ||
      s.size !== size ||
      s.darkMode !== props.darkMode ||
      s.canDraw !== canDraw;
    Object.assign(s, { lines, settings, zoom: props.zoom, size, darkMode: props.darkMode, canDraw });
    if (changed && canDraw) frames.schedule(draw);
  });
  useEffect(
    () => () => {
      frames.cancel(draw);
      frames.cancel(drawOverlay);
    },
    [draw, drawOverlay],
  );

  const localPoint = (e: MouseEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top, clientX: e.clientX, clientY: e.clientY };
  };

  const onMouseMove = (e: MouseEvent) => {
    state.current.mouse = localPoint(e);
    if (!state.current.drag) updateHover();
  };
  const onMouseLeave = () => {
    state.current.mouse = null;
    updateHover();
  };
  const onMouseDown = (e: MouseEvent) => {
    const s = state.current;
    const f = s.frame;
    if (e.button !== 0 || !f) return;
    const p = localPoint(e);
    if (p.x < f.plot.left || p.x > f.plot.right || p.y < f.plot.top || p.y > f.plot.bottom) return;
    e.preventDefault();
    s.drag = { x0: p.x, y0: p.y, x1: p.x, y1: p.y };
    updateHover();
    const clampTo = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    const move = (ev: MouseEvent) => {
      const d = state.current.drag;
      if (!d) return;
      const q = localPoint(ev);
      d.x1 = clampTo(q.x, f.plot.left, f.plot.right);
      d.y1 = clampTo(q.y, f.plot.top, f.plot.bottom);
      frames.schedule(drawOverlay);
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      const d = state.current.drag;
      state.current.drag = null;
      const frame = state.current.frame;
      const next = d && frame ? zoomFromDrag(frame.x, frame.y, d.x0, d.y0, d.x1, d.y1, state.current.zoom) : null;
      if (next) props.onZoom(next);
      updateHover();
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };

  const bindTooltip = useCallback((show: (content: TooltipContent | null) => void) => {
    showTip.current = show;
  }, []);

  const empty = fetched && !loading && lines.length === 0;
  return (
    <div
      ref={wrap}
      class="tb-scalars__chart"
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onMouseDown={onMouseDown}
      onDblClick={() => props.onZoom(NO_ZOOM)}
    >
      <canvas ref={canvas} class="tb-scalars__canvas" data-testid={`scalar-canvas-${tag}`} role="img" aria-label={`${tag} over ${runs.length} runs`} />
      <canvas ref={overlay} class="tb-scalars__canvas tb-scalars__overlay" aria-hidden="true" />
      {error ? (
        <div class="tb-scalars__status tb-scalars__status--error" role="alert">
          <span>Could not load {tag}: {errorMessage(error)}</span>
          <button type="button" class="tb-button tb-button--flat" onClick={() => store.retry(tag)}>
            Retry
          </button>
        </div>
      ) : !fetched ? (
        <div class="tb-scalars__status" role="status">
          {visible && <div class="tb-spinner" aria-label="Loading" />}
        </div>
      ) : (
        empty && <div class="tb-scalars__status">No data for the selected runs</div>
      )}
      <Tooltip bind={bindTooltip} />
    </div>
  );
}
