/**
 * One chart: a line per run and tag (dashed differently per tag of a run), margin
 * bands shaded in the run's colour, step and value axes from @tb/ui's scales and ticks,
 * and a tooltip with every line's value at the hovered step.
 */
import { axisTicks, createScale, formatValue, RunName } from '@tb/ui';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { bandData, chartExtents, nearestIndex, nearestStep, pathData } from './chart-geometry.js';
import type { Line } from './chart-series.js';

/** Props of {@link LineChart}. */
export interface LineChartProps {
  readonly lines: readonly Line[];
  readonly colorOf: (run: string) => string;
  /** Whether the chart has several tags per run, so the tooltip and legend name them. */
  readonly showTags: boolean;
}

const HEIGHT = 220;
/** Tooltip rows beyond this are summarised ("and 12 more"). */
const MAX_TOOLTIP_ROWS = 20;
const MARGIN = { top: 8, right: 12, bottom: 24, left: 52 };
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
/** Average width of a tick label's character at 10 px, to keep x labels apart. */
const CHAR_PX = 6;

/** The dash pattern of a run's `index`-th line. */
export function dashOf(index: number): string {
  return DASHES[index % DASHES.length]!;
}

function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width];
}

interface Hover {
  readonly step: number;
  readonly px: number;
  readonly py: number;
}

/** Draws `lines` on step and value axes, with the hover tooltip; says so when there is no point. */
export function LineChart({ lines, colorOf, showTags }: LineChartProps) {
  const [ref, width] = useWidth();
  const [hover, setHover] = useState<Hover | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const extents = chartExtents(lines);
  const plotWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  if (!extents) return <div ref={ref} class="cs-chart cs-chart--empty">No points to draw.</div>;

  const x = createScale('linear', extents.x, [MARGIN.left, MARGIN.left + plotWidth]);
  const y = createScale('linear', extents.y, [MARGIN.top + plotHeight, MARGIN.top]);
  const xTicks = width > 0 ? axisTicks(x, { values: 'integer', labelWidth: (label) => label.length * CHAR_PX }) : [];
  const yTicks = axisTicks(y);

  const onMove = (e: MouseEvent) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return;
    const px = e.clientX - rect.left;
    const step = nearestStep(lines, x.invert(px));
    setHover(step === null ? null : { step, px, py: e.clientY - rect.top });
  };

  const rows = hover
    ? lines.flatMap((line) => {
        const i = nearestIndex(line.points, hover.step);
        const p = i < 0 ? undefined : line.points[i];
        return p && p.step === hover.step ? [{ line, point: p, lower: line.lower?.[i], upper: line.upper?.[i] }] : [];
      })
    : [];

  return (
    <div ref={ref} class="cs-chart">
      <svg ref={svgRef} width={width} height={HEIGHT} role="img" aria-label="chart" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
        <g class="cs-axis">
          {yTicks.map((t) => (
            <g key={`y${t.value}`}>
              <line class="cs-grid" x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={t.px} y2={t.px} />
              <text x={MARGIN.left - 6} y={t.px} dy="0.32em" text-anchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t.value}`}>
              <line class="cs-tick" x1={t.px} x2={t.px} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight + 4} />
              <text x={t.px} y={MARGIN.top + plotHeight + 16} text-anchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          <line class="cs-frame" x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={MARGIN.top + plotHeight} y2={MARGIN.top + plotHeight} />
        </g>
        {lines.map((line) => {
          const xs = line.points.map((p) => x.map(p.step));
          return line.lower && line.upper ? (
            <path
              key={`band${line.key}`}
              class="cs-band"
              data-testid="margin-band"
              d={bandData(xs, Array.from(line.lower, y.map), Array.from(line.upper, y.map))}
              fill={colorOf(line.run)}
            />
          ) : null;
        })}
        {lines.map((line) => (
          <path
            key={line.key}
            class="cs-line"
            data-testid="chart-line"
            data-run={line.run}
            data-tag={line.tag}
            d={pathData(
              line.points.map((p) => x.map(p.step)),
              line.points.map((p) => y.map(p.value)),
            )}
            stroke={colorOf(line.run)}
            stroke-dasharray={dashOf(line.index) || undefined}
          />
        ))}
        {hover && (
          <g class="cs-hover">
            <line x1={x.map(hover.step)} x2={x.map(hover.step)} y1={MARGIN.top} y2={MARGIN.top + plotHeight} />
            {rows.map(({ line, point }) =>
              Number.isFinite(y.map(point.value)) ? <circle key={line.key} cx={x.map(point.step)} cy={y.map(point.value)} r={3.5} fill={colorOf(line.run)} /> : null,
            )}
          </g>
        )}
      </svg>
      {hover && rows.length > 0 && (
        <div
          class="tb-popup cs-tooltip"
          data-testid="chart-tooltip"
          style={{ top: `${hover.py + 12}px`, ...(hover.px > width / 2 ? { right: `${width - hover.px + 12}px` } : { left: `${hover.px + 12}px` }) }}
        >
          <div class="cs-tooltip__step">step {hover.step}</div>
          <table>
            <tbody>
              {rows.slice(0, MAX_TOOLTIP_ROWS).map(({ line, point, lower, upper }) => (
                <tr key={line.key}>
                  <td>
                    <span class="tb-swatch" style={{ background: colorOf(line.run) }} />
                  </td>
                  <td class="cs-tooltip__run">
                    <RunName name={line.run} />
                  </td>
                  {showTags && <td class="cs-tooltip__tag">{line.tag}</td>}
                  <td class="cs-tooltip__value">{formatValue(point.value)}</td>
                  {lower !== undefined && upper !== undefined && (
                    <td class="cs-tooltip__bounds">
                      [{formatValue(lower)}, {formatValue(upper)}]
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > MAX_TOOLTIP_ROWS && <div class="cs-tooltip__more">and {rows.length - MAX_TOOLTIP_ROWS} more</div>}
        </div>
      )}
    </div>
  );
}
