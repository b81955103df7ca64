/**
 * The scatter-plot matrix: each visible metric (rows) against each visible
 * hyperparameter (columns), a point per session group that passes the table's
 * filters, coloured like its parallel-coordinates line (grey outside the brushes). The
 * points are painted on a canvas per plot (a 1,000-session sweep makes 18,000 of
 * them), between an SVG of axes below and an SVG of the highlighted points above. The
 * point nearest the mouse is highlighted everywhere, its row and line with it.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { axisScale, type AxisScale } from './axis-scale.js';
import type { Column, Row } from './columns.js';
import { nearestPoint, pointGeometry, type PointGeometry } from './scatter-points.js';
import { useSize } from './use-size.js';

/** Props of {@link ScatterMatrix}. */
export interface ScatterMatrixProps {
  readonly columns: readonly Column[];
  /** Indices into `columns` of the visible ones. */
  readonly indices: readonly number[];
  readonly allRows: readonly Row[];
  readonly rows: readonly Row[];
  readonly inBrush: ReadonlySet<string>;
  readonly logAxes: ReadonlySet<string>;
  readonly colorOf: (row: Row) => string;
  readonly darkMode: boolean;
  readonly hovered: string | null;
  readonly selected: string | null;
  readonly onHover: (row: string | null) => void;
  readonly onSelect: (row: string) => void;
}

const CELL_HEIGHT = 170;
const MIN_CELL_WIDTH = 170;
const GAP = 8;
/** Width of the metric labels' column. */
const LABEL_WIDTH = 28;
const M = { top: 8, right: 10, bottom: 22, left: 46 };
/** Room between the frame and the outermost points, in pixels. */
const INSET = 7;
/** A tick label nearer than this to the frame's end is aligned to it, so that it stays inside the plot. */
const EDGE_LABEL_PX = 14;
const HOVER_DISTANCE = 8;

interface CellProps {
  readonly xScale: AxisScale;
  readonly yScale: AxisScale;
  readonly geometry: PointGeometry;
  readonly width: number;
  readonly rows: readonly Row[];
  readonly inBrush: ReadonlySet<string>;
  readonly colorOf: (row: Row) => string;
  /** Redraws the points in the other theme's colours when it changes. */
  readonly darkMode: boolean;
  readonly hovered: string | null;
  readonly selected: string | null;
  readonly onHover: (row: string | null) => void;
  readonly onSelect: (row: string) => void;
  readonly testId: string;
}

const TAU = 2 * Math.PI;

/** Draws the points: those outside the brushes grey, underneath; those inside in their colours. */
function paintPoints(canvas: HTMLCanvasElement, props: CellProps): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const { geometry, rows, inBrush, colorOf, width } = props;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(CELL_HEIGHT * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, CELL_HEIGHT);
  const grey = getComputedStyle(canvas).getPropertyValue('--tb-border-strong').trim() || '#bdbdbd';
  const dot = (r: number, radius: number) => {
    ctx.beginPath();
    ctx.arc(geometry.xs[r]!, geometry.ys[r]!, radius, 0, TAU);
    ctx.fill();
  };
  const finite = (r: number) => Number.isFinite(geometry.xs[r]!) && Number.isFinite(geometry.ys[r]!);
  ctx.globalAlpha = 0.55;
  ctx.fillStyle = grey;
  rows.forEach((row, r) => finite(r) && !inBrush.has(row.name) && dot(r, 2.5));
  ctx.globalAlpha = 0.85;
  rows.forEach((row, r) => {
    if (!finite(r) || !inBrush.has(row.name)) return;
    ctx.fillStyle = colorOf(row);
    dot(r, 3);
  });
}

function ScatterCell(props: CellProps) {
  const { xScale, yScale, geometry, rows, width } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // A frame later, so that a theme change has reached the page's CSS variables.
    const frame = requestAnimationFrame(() => canvas.current && paintPoints(canvas.current, props));
    return () => cancelAnimationFrame(frame);
  }, [geometry, rows, props.inBrush, props.colorOf, width, props.darkMode]);
  const index = useMemo(() => new Map(rows.map((r, i) => [r.name, i])), [rows]);
  const candidates = useMemo(() => rows.flatMap((r, i) => (props.inBrush.has(r.name) ? [i] : [])), [rows, props.inBrush]);
  const mark = (name: string | null, cls: string) => {
    const r = name === null ? undefined : index.get(name);
    if (r === undefined || !Number.isFinite(geometry.xs[r]!) || !Number.isFinite(geometry.ys[r]!)) return null;
    const row = rows[r]!;
    return (
      <circle
        class={cls}
        cx={geometry.xs[r]!}
        cy={geometry.ys[r]!}
        r={5}
        data-session={row.name}
        style={{ fill: props.inBrush.has(row.name) ? props.colorOf(row) : 'var(--tb-text-muted)' }}
      />
    );
  };
  const onMove = (e: MouseEvent) => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const r = nearestPoint(geometry, candidates, e.clientX - rect.left, e.clientY - rect.top, HOVER_DISTANCE);
    props.onHover(r >= 0 ? rows[r]!.name : null);
  };
  const bottom = CELL_HEIGHT - M.bottom;
  return (
    <div
      class="tb-hparams__scatter-cell"
      style={{ width: `${width}px`, height: `${CELL_HEIGHT}px` }}
      data-testid={props.testId}
      data-points-in={candidates.length}
      onMouseMove={onMove}
      onMouseLeave={() => props.onHover(null)}
      onClick={() => props.hovered !== null && index.has(props.hovered) && props.onSelect(props.hovered)}
    >
      <svg class="tb-hparams__scatter-layer" width={width} height={CELL_HEIGHT} aria-hidden="true">
        <rect class="tb-hparams__scatter-frame" x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={bottom - M.top} />
        {xScale.ticks().map((t) => (
          <text
            key={`x${t.label}${t.px}`}
            class="tb-hparams__tick-label"
            x={t.px}
            y={bottom + 14}
            text-anchor={t.px > width - M.right - EDGE_LABEL_PX ? 'end' : t.px < M.left + EDGE_LABEL_PX ? 'start' : 'middle'}
          >
            {t.label}
          </text>
        ))}
        {yScale.ticks().map((t) => (
          <g key={`y${t.label}${t.px}`}>
            <line class="tb-hparams__grid" x1={M.left} x2={width - M.right} y1={t.px} y2={t.px} />
            <text class="tb-hparams__tick-label" x={M.left - 5} y={t.px} dy="0.32em" text-anchor="end">
              {t.label}
            </text>
          </g>
        ))}
      </svg>
      <canvas ref={canvas} class="tb-hparams__scatter-layer" style={{ width: `${width}px`, height: `${CELL_HEIGHT}px` }} />
      <svg class="tb-hparams__scatter-layer" width={width} height={CELL_HEIGHT}>
        {mark(props.selected, 'tb-hparams__point-selected')}
        {mark(props.hovered, 'tb-hparams__point-hovered')}
      </svg>
    </div>
  );
}

/** The matrix. */
export function ScatterMatrix(props: ScatterMatrixProps) {
  const { columns, indices, allRows, rows, logAxes } = props;
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const hparams = indices.filter((i) => columns[i]!.kind === 'hparam');
  const metrics = indices.filter((i) => columns[i]!.kind === 'metric');
  const n = Math.max(1, hparams.length);
  const cellWidth = Math.max(MIN_CELL_WIDTH, Math.floor((Math.max(width, 320) - LABEL_WIDTH - GAP * n) / n));

  const scales = useMemo(() => {
    const scaleOf = (i: number, range: readonly [number, number]) => {
      const c = columns[i]!;
      return axisScale(c, allRows.map((r) => r.cells[i] ?? null), range, logAxes.has(c.id));
    };
    return {
      x: new Map(hparams.map((i) => [i, scaleOf(i, [M.left + INSET, cellWidth - M.right - INSET])])),
      y: new Map(metrics.map((i) => [i, scaleOf(i, [CELL_HEIGHT - M.bottom - INSET, M.top + INSET])])),
    };
  }, [columns, allRows, logAxes, cellWidth, hparams.join(), metrics.join()]);
  const geometries = useMemo(() => {
    const out = new Map<string, PointGeometry>();
    for (const yi of metrics) for (const xi of hparams) out.set(`${yi}:${xi}`, pointGeometry(rows, xi, yi, scales.x.get(xi)!, scales.y.get(yi)!));
    return out;
  }, [rows, scales]);

  const empty = hparams.length === 0 || metrics.length === 0;
  return (
    <div class="tb-hparams__scatter" ref={box} data-testid="hparams-scatter">
      {empty && <p class="tb-hparams__note">The scatter plots need a visible hyperparameter and a visible metric.</p>}
      {!empty && width > 0 && (
        <div class="tb-hparams__scatter-grid" style={{ gridTemplateColumns: `${LABEL_WIDTH}px repeat(${hparams.length}, ${cellWidth}px)` }}>
          <div />
          {hparams.map((xi) => (
            <div key={xi} class="tb-hparams__scatter-label" title={columns[xi]!.label}>
              {columns[xi]!.label}
            </div>
          ))}
          {metrics.map((yi) => [
            <div key={`label-${yi}`} class="tb-hparams__scatter-label tb-hparams__scatter-label--metric" title={columns[yi]!.label}>
              {columns[yi]!.label}
            </div>,
            ...hparams.map((xi) => (
              <ScatterCell
                key={`${yi}:${xi}`}
                xScale={scales.x.get(xi)!}
                yScale={scales.y.get(yi)!}
                geometry={geometries.get(`${yi}:${xi}`)!}
                width={cellWidth}
                rows={rows}
                inBrush={props.inBrush}
                colorOf={props.colorOf}
                darkMode={props.darkMode}
                hovered={props.hovered}
                selected={props.selected}
                onHover={props.onHover}
                onSelect={props.onSelect}
                testId={`hparams-scatter-${columns[yi]!.id}-${columns[xi]!.id}`}
              />
            )),
          ])}
        </div>
      )}
    </div>
  );
}
