/**
 * One PR curve chart in SVG: recall on x, precision on y, both 0..1, a line per run in its
 * colour. Hovering shows, per run, the point nearest the mouse (marked on its line) with
 * its threshold, precision, recall and TP/FP/TN/FN.
 */
import { axisTicks, createScale, formatValue, RunName, useWidth } from '@tb/ui';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PrEntry } from './api.js';
import { nearestPoint, type CurvePoint } from './nearest.js';
import { linePath } from './path.js';

/** One run's curve at the step it shows. */
export interface ChartLine {
  readonly run: string;
  readonly color: string;
  readonly entry: PrEntry;
}

/** Props of {@link PrChart}. */
export interface PrChartProps {
  readonly lines: readonly ChartLine[];
  readonly testId?: string;
}

const HEIGHT = 260;
const MARGIN = { left: 46, right: 14, top: 10, bottom: 38 } as const;
const CHAR_PX = 6.5;

interface Hover {
  /** The mouse in the chart's pixels. */
  readonly x: number;
  readonly y: number;
  /** The mouse in the viewport, where the tooltip is placed (fixed, so no card clips it). */
  readonly clientX: number;
  readonly clientY: number;
  readonly rows: readonly { line: ChartLine; point: CurvePoint }[];
}

/** @example <PrChart lines={[{ run: 'adam', color: '#f00', entry }]} /> */
export function PrChart(props: PrChartProps) {
  const { ref, width } = useWidth<HTMLDivElement>(400);
  const [hover, setHover] = useState<Hover | null>(null);
  const right = Math.max(MARGIN.left + 40, width - MARGIN.right);
  const bottom = HEIGHT - MARGIN.bottom;
  const x = useMemo(() => createScale('linear', [0, 1], [MARGIN.left, right]), [right]);
  const y = useMemo(() => createScale('linear', [0, 1], [bottom, MARGIN.top]), [bottom]);
  const xTicks = axisTicks(x, { labelWidth: (l) => l.length * CHAR_PX });
  const yTicks = axisTicks(y);
  const paths = useMemo(() => props.lines.map((l) => ({ line: l, d: linePath(l.entry.recall, l.entry.precision, x.map, y.map) })), [props.lines, x, y]);

  const onMove = (e: MouseEvent) => {
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const mx = e.clientX - box.left;
    const my = e.clientY - box.top;
    if (mx < MARGIN.left - 8 || mx > right + 8 || my < MARGIN.top - 8 || my > bottom + 8) {
      setHover(null);
      return;
    }
    const rows = props.lines.flatMap((line) => {
      const point = nearestPoint(line.entry, mx, my, x.map, y.map);
      return point ? [{ line, point }] : [];
    });
    setHover(rows.length ? { x: mx, y: my, clientX: e.clientX, clientY: e.clientY, rows } : null);
  };

  return (
    <div class="tb-pr-chart" ref={ref} data-testid={props.testId}>
      <svg
        class="tb-pr-chart__svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label="Precision against recall"
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      >
        <g class="tb-pr-chart__grid">
          {xTicks.map((t) => (
            <line key={`x${t.value}`} x1={t.px} x2={t.px} y1={MARGIN.top} y2={bottom} />
          ))}
          {yTicks.map((t) => (
            <line key={`y${t.value}`} x1={MARGIN.left} x2={right} y1={t.px} y2={t.px} />
          ))}
        </g>
        <g class="tb-pr-chart__axis" data-axis="x">
          <line x1={MARGIN.left} x2={right} y1={bottom} y2={bottom} />
          {xTicks.map((t) => (
            <text key={t.value} x={t.px} y={bottom + 14} text-anchor="middle">
              {t.label}
            </text>
          ))}
          <text class="tb-pr-chart__title" x={(MARGIN.left + right) / 2} y={HEIGHT - 4} text-anchor="middle">
            Recall
          </text>
        </g>
        <g class="tb-pr-chart__axis" data-axis="y">
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} />
          {yTicks.map((t) => (
            <text key={t.value} x={MARGIN.left - 6} y={t.px + 4} text-anchor="end">
              {t.label}
            </text>
          ))}
          <text class="tb-pr-chart__title" transform={`translate(12 ${(MARGIN.top + bottom) / 2}) rotate(-90)`} text-anchor="middle">
            Precision
          </text>
        </g>
        <g class="tb-pr-chart__lines">
          {paths.map(({ line, d }) => (
            <path key={line.run} d={d} stroke={line.color} data-run={line.run} data-step={line.entry.step} />
          ))}
        </g>
        {hover && (
          <g class="tb-pr-chart__markers">
            {hover.rows.map(({ line, point }) => (
              <circle key={line.run} cx={x.map(point.recall)} cy={y.map(point.precision)} r={4} fill={line.color} />
            ))}
          </g>
        )}
      </svg>
      {hover && <ChartTooltip hover={hover} />}
    </div>
  );
}

/** Gap between the mouse and the tooltip, in CSS pixels. */
const OFFSET = 14;

/**
 * The tooltip, fixed to the viewport beside the mouse: right of and below it where it
 * fits, else left of or above it.
 */
function ChartTooltip({ hover }: { hover: Hover }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { offsetWidth: w, offsetHeight: h } = el;
    const left = hover.clientX + OFFSET + w <= innerWidth ? hover.clientX + OFFSET : Math.max(0, hover.clientX - OFFSET - w);
    const top = hover.clientY + OFFSET + h <= innerHeight ? hover.clientY + OFFSET : Math.max(0, hover.clientY - OFFSET - h);
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  });
  return (
    <div class="tb-popup tb-pr-chart__tooltip" role="tooltip" ref={box} data-testid="pr-tooltip">
      <table>
        <thead>
          <tr>
            <th />
            <th>Run</th>
            <th>Step</th>
            <th>Threshold</th>
            <th>Precision</th>
            <th>Recall</th>
            <th>TP</th>
            <th>FP</th>
            <th>TN</th>
            <th>FN</th>
          </tr>
        </thead>
        <tbody>
          {hover.rows.map(({ line, point }) => (
            <tr key={line.run} data-run={line.run}>
              <td>
                <span class="tb-pr-chart__swatch" style={{ background: line.color }} />
              </td>
              <td class="tb-pr-chart__run">
                <RunName name={line.run} />
              </td>
              <td>{` ${line.entry.step}`}</td>
              <td>{` ${formatValue(point.threshold, 4)}`}</td>
              <td>{` ${formatValue(point.precision, 4)}`}</td>
              <td>{` ${formatValue(point.recall, 4)}`}</td>
              <td>{` ${point.tp}`}</td>
              <td>{` ${point.fp}`}</td>
              <td>{` ${point.tn}`}</td>
              <td>{` ${point.fn}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
