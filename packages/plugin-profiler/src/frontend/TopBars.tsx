/** A top-N horizontal bar chart: the largest entries, longest bar first, with their values. */
import { useWidth } from '@tb/ui';
import { scaleLinear } from 'd3-scale';
import { sliceColor } from './colors.js';

/** Props of {@link TopBars}. */
export interface TopBarsProps {
  readonly entries: readonly (readonly [string, number])[];
  readonly n?: number;
  readonly format: (v: number) => string;
  /** Keep the entries' order (steps) instead of ranking them. */
  readonly keepOrder?: boolean;
  /** One colour for every bar (the same quantity, e.g. steps); by default a colour per entry. */
  readonly color?: string;
  readonly testId?: string;
}

/** The `n` largest positive entries, largest first (or the first `n`, in order, with `keepOrder`). */
export function topEntries(entries: readonly (readonly [string, number])[], n: number, keepOrder = false): [string, number][] {
  const valid = entries.filter(([, v]) => Number.isFinite(v) && v > 0).map(([k, v]): [string, number] => [k, v]);
  return (keepOrder ? valid : valid.sort((a, b) => b[1] - a[1])).slice(0, n);
}

const ROW = 22;
const LABEL = 0.45;

/** @example <TopBars entries={pie.rows} format={formatUs} /> */
export function TopBars(props: TopBarsProps) {
  const { ref, width } = useWidth<HTMLDivElement>(520);
  const top = topEntries(props.entries, props.n ?? 10, props.keepOrder);
  const max = Math.max(1, ...top.map(([, v]) => v));
  const labelW = Math.round(width * LABEL);
  const x = scaleLinear()
    .domain([0, max])
    .range([0, Math.max(10, width - labelW - 90)]);
  return (
    <div class="tb-prof-chart" ref={ref} data-testid={props.testId}>
      <svg width={width} height={top.length * ROW + 4} class="tb-prof-chart__svg" role="img" aria-label={`Top ${top.length}`}>
        {top.map(([label, v], i) => (
          <g key={label} transform={`translate(0, ${i * ROW + 2})`} class="tb-prof-bars__row" data-label={label}>
            <title>{`${label}: ${props.format(v)}`}</title>
            <text x={labelW - 6} y={ROW / 2} dy="0.32em" text-anchor="end" class="tb-prof-chart__label">
              {label.length > 48 ? `${label.slice(0, 46)}…` : label}
            </text>
            <rect x={labelW} y={3} height={ROW - 6} width={Math.max(1, x(v))} fill={props.color ?? sliceColor(i)} />
            <text x={labelW + x(v) + 6} y={ROW / 2} dy="0.32em" class="tb-prof-chart__value">
              {props.format(v)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
