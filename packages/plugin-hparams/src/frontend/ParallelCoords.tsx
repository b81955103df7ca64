/**
 * The parallel-coordinates plot (SVG): an axis per visible hyperparameter and metric, a
 * line per session group that passes the table's filters, coloured by the chosen metric
 * while inside every brush and grey outside. Drag along an axis to brush it; click an
 * axis' title to switch it between linear and log. The line nearest the mouse is
 * highlighted (and its table row with it); a click opens its curves.
 */
import type { JSX } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { axisScale, canUseLog, type AxisScale } from './axis-scale.js';
import type { Brush } from './brush.js';
import type { Column, Row } from './columns.js';
import { axisXs, lineGeometry, linePath, nearestLine } from './pc-lines.js';
import { useAxisBrushes } from './use-axis-brushes.js';
import { useSize } from './use-size.js';

/** Props of {@link ParallelCoords}. */
export interface ParallelCoordsProps {
  readonly columns: readonly Column[];
  /** Indices into `columns` of the axes, left to right. */
  readonly indices: readonly number[];
  /** Every row: the axes span their values, whatever the filters. */
  readonly allRows: readonly Row[];
  /** The rows that pass the table's filters: one line each. */
  readonly rows: readonly Row[];
  /** Names of the rows inside every brush. */
  readonly inBrush: ReadonlySet<string>;
  readonly brushes: Readonly<Record<string, Brush>>;
  readonly onBrush: (column: string, brush: Brush | null) => void;
  readonly logAxes: ReadonlySet<string>;
  readonly onToggleLog: (column: string) => void;
  /** A line's colour (by the chosen metric). */
  readonly colorOf: (row: Row) => string;
  readonly hovered: string | null;
  readonly selected: string | null;
  readonly onHover: (row: string | null) => void;
  readonly onSelect: (row: string) => void;
}

const HEIGHT = 330;
const MARGIN = { top: 50, right: 40, bottom: 16, left: 64 };
/** How near (px) the mouse must be to a line to highlight it. */
const HOVER_DISTANCE = 8;
/** Up to this many coloured lines are drawn at the full opacity. */
const CLEAR_LINES = 60;
const MAX_LINE_OPACITY = 0.85;
const MIN_LINE_OPACITY = 0.25;
/** About the width of a character of an axis title. */
const TITLE_CHAR_PX = 6.6;

/** `text` cut to `max` characters, its middle replaced by an ellipsis. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.max(1, max - 1);
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (keep - head))}`;
}

interface LinesProps {
  readonly paths: readonly string[];
  readonly rows: readonly Row[];
}

/** Every line in grey: the layer under the coloured ones, unchanged while brushing. */
function AllLines({ paths, rows }: LinesProps) {
  return (
    <g class="tb-hparams__lines-out">
      {rows.map((row, r) => (paths[r] ? <path key={row.name} d={paths[r]} /> : null))}
    </g>
  );
}

/** The lines inside every brush, in their colours: a brush moving adds and removes only the lines it crosses. */
function BrushedLines({ paths, rows, inBrush, colorOf }: LinesProps & { readonly inBrush: ReadonlySet<string>; readonly colorOf: (row: Row) => string }) {
  const out: JSX.Element[] = [];
  rows.forEach((row, r) => {
    if (paths[r] && inBrush.has(row.name)) out.push(<path key={row.name} d={paths[r]} stroke={colorOf(row)} />);
  });
  // Many lines overlap: fainter each, so that where they crowd still reads as denser.
  const opacity = Math.max(MIN_LINE_OPACITY, Math.min(MAX_LINE_OPACITY, Math.sqrt(CLEAR_LINES / Math.max(1, out.length))));
  return (
    <g class="tb-hparams__lines-in" data-testid="hparams-lines" data-in-brush={out.length} style={{ strokeOpacity: opacity.toFixed(2) }}>
      {out}
    </g>
  );
}

/** The plot. */
export function ParallelCoords(props: ParallelCoordsProps) {
  const { columns, indices, allRows, rows, logAxes } = props;
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const plotWidth = Math.max(width, 320);
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;

  const xs = useMemo(() => axisXs(indices.length, MARGIN.left, plotWidth - MARGIN.right), [indices.length, plotWidth]);
  const axes = useMemo(
    () =>
      indices.map((i) => {
        const column = columns[i]!;
        const cells = allRows.map((r) => r.cells[i] ?? null);
        const scale: AxisScale = axisScale(column, cells, [bottom, top], logAxes.has(column.id));
        return { id: column.id, column, scale, logAllowed: column.type === 'number' && canUseLog(cells) };
      }),
    [columns, indices, allRows, logAxes, top, bottom],
  );
  const geometry = useMemo(() => lineGeometry(rows, indices, axes.map((a) => a.scale), xs), [rows, indices, axes, xs]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.name, i])), [rows]);
  const candidates = useMemo(() => rows.flatMap((r, i) => (props.inBrush.has(r.name) ? [i] : [])), [rows, props.inBrush]);
  const paths = useMemo(() => rows.map((_, r) => linePath(geometry, r)), [geometry, rows]);
  const allLines = useMemo(() => <AllLines paths={paths} rows={rows} />, [paths, rows]);
  const brushedLines = useMemo(
    () => <BrushedLines paths={paths} rows={rows} inBrush={props.inBrush} colorOf={props.colorOf} />,
    [paths, rows, props.inBrush, props.colorOf],
  );
  const brushRef = useAxisBrushes(axes, top, bottom, width > 0, props.brushes, props.onBrush);

  /** A highlighted line: a dark outline under the line in its colour, drawn over the others. */
  const highlight = (name: string | null, cls: string) => {
    const r = name === null ? undefined : rowIndex.get(name);
    if (r === undefined) return null;
    const d = paths[r];
    if (!d) return null;
    const row = rows[r]!;
    const color = props.inBrush.has(row.name) ? props.colorOf(row) : undefined;
    return (
      <g class={cls}>
        <path class="tb-hparams__line-halo" d={d} />
        <path class="tb-hparams__line-core" d={d} style={color ? { stroke: color } : undefined} />
      </g>
    );
  };

  const onMove = (e: MouseEvent) => {
    const rect = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const r = nearestLine(geometry, candidates, e.clientX - rect.left, e.clientY - rect.top, HOVER_DISTANCE);
    props.onHover(r >= 0 ? rows[r]!.name : null);
  };
  const onClick = (e: MouseEvent) => {
    if ((e.target as Element).closest?.('.tb-hparams__brush')) return;
    if (props.hovered !== null && rowIndex.has(props.hovered)) props.onSelect(props.hovered);
  };

  const spacing = indices.length > 1 ? (plotWidth - MARGIN.left - MARGIN.right) / (indices.length - 1) : plotWidth;
  const titleChars = Math.max(4, Math.floor((spacing - 8) / TITLE_CHAR_PX));

  return (
    <div class="tb-hparams__pc" ref={box} data-testid="hparams-parallel">
      {width > 0 && (
        <svg
          width={plotWidth}
          height={HEIGHT}
          class="tb-hparams__pc-svg"
          role="group"
          aria-label={`Parallel coordinates of ${rows.length} session groups`}
          onMouseMove={onMove}
          onMouseLeave={() => props.onHover(null)}
          onClick={onClick}
        >
          <g class="tb-hparams__lines">
            {allLines}
            {brushedLines}
          </g>
          {highlight(props.selected, 'tb-hparams__line-selected')}
          {highlight(props.hovered, 'tb-hparams__line-hovered')}
          {axes.map((axis, a) => {
            const x = xs[a]!;
            const { column, scale } = axis;
            const isLog = scale.kind === 'log';
            const toggle = axis.logAllowed ? () => props.onToggleLog(column.id) : undefined;
            return (
              <g
                key={column.id}
                class={`tb-hparams__axis tb-hparams__axis--${column.kind}`}
                transform={`translate(${x.toFixed(1)},0)`}
                data-testid={`hparams-axis-${column.id}`}
                data-scale={scale.kind}
              >
                <line class="tb-hparams__axis-line" x1={0} x2={0} y1={top} y2={bottom} />
                {scale.ticks().map((t) => (
                  <g key={`${t.label}@${t.px.toFixed(1)}`} transform={`translate(0,${t.px.toFixed(1)})`}>
                    <line class="tb-hparams__tick" x1={-4} x2={0} />
                    <text class="tb-hparams__tick-label" x={-7} dy="0.32em" text-anchor="end">
                      {t.label}
                    </text>
                  </g>
                ))}
                <g
                  class={toggle ? 'tb-hparams__axis-title tb-hparams__axis-title--toggle' : 'tb-hparams__axis-title'}
                  role={toggle ? 'button' : undefined}
                  tabIndex={toggle ? 0 : undefined}
                  aria-label={toggle ? `${column.label}: ${isLog ? 'log' : 'linear'} scale (click for ${isLog ? 'linear' : 'log'})` : column.label}
                  data-testid={`hparams-axis-title-${column.id}`}
                  onClick={toggle}
                  onKeyDown={(e) => {
                    if (toggle && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault();
                      toggle();
                    }
                  }}
                >
                  <title>{`${column.label}${column.description ? ` — ${column.description}` : ''}${toggle ? ` (click for ${isLog ? 'linear' : 'log'} scale)` : ''}`}</title>
                  <text class="tb-hparams__axis-name" y={top - 24} text-anchor="middle">
                    {shorten(column.label, titleChars)}
                  </text>
                  <text class="tb-hparams__axis-kind" y={top - 10} text-anchor="middle">
                    {scale.kind === 'category' ? (column.kind === 'metric' ? 'metric' : column.type) : isLog ? 'log ▾' : toggle ? 'linear ▾' : 'linear'}
                  </text>
                </g>
                <g class="tb-hparams__brush" ref={brushRef(column.id)} />
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
