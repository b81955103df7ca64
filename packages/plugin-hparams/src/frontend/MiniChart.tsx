/**
 * A small line chart of a metric over steps for the session panel: one polyline per
 * session in its run colour (a lone point drawn as a dot), step ticks below and value
 * ticks on the left, by @tb/ui's axis rules.
 */
import { axisTicks, createScale } from '@tb/ui';
import type { CurvePoint } from './api.js';

/** One curve of a chart. */
export interface MiniSeries {
  readonly id: string;
  readonly color: string;
  readonly points: readonly CurvePoint[];
}

/** Props of {@link MiniChart}. */
export interface MiniChartProps {
  readonly series: readonly MiniSeries[];
  readonly width: number;
  readonly height?: number;
  readonly label: string;
}

const M = { top: 8, right: 10, bottom: 20, left: 46 };

function extent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A domain with room around a single value (5% of it, or 1 around 0), so that its ticks read well. */
function padded([lo, hi]: [number, number]): [number, number] {
  if (lo < hi) return [lo, hi];
  const d = lo === 0 ? 1 : Math.abs(lo) * 0.05;
  return [lo - d, hi + d];
}

/** The chart. */
export function MiniChart({ series, width, height = 120, label }: MiniChartProps) {
  const all = series.flatMap((s) => s.points);
  const xDomain = extent(all.map((p) => p.step));
  const values = extent(all.map((p) => p.value));
  const yDomain = values && padded(values);
  if (!xDomain || !yDomain || width < M.left + M.right + 20) {
    return <p class="tb-hparams__note">No values.</p>;
  }
  const x = createScale('linear', xDomain, [M.left, width - M.right]);
  const y = createScale('linear', yDomain, [height - M.bottom, M.top]);
  const xTicks = axisTicks(x, { values: 'integer', labelWidth: (l) => l.length * 6.5 });
  const yTicks = axisTicks(y).filter((_, i, all) => all.length <= 4 || i % 2 === 0);
  return (
    <svg class="tb-hparams__mini" width={width} height={height} role="img" aria-label={label}>
      <rect class="tb-hparams__scatter-frame" x={M.left} y={M.top} width={width - M.left - M.right} height={height - M.top - M.bottom} />
      {yTicks.map((t) => (
        <g key={`y${t.label}`}>
          <line class="tb-hparams__grid" x1={M.left} x2={width - M.right} y1={t.px} y2={t.px} />
          <text class="tb-hparams__tick-label" x={M.left - 5} y={t.px} dy="0.32em" text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t.label}`} class="tb-hparams__tick-label" x={t.px} y={height - M.bottom + 14} text-anchor="middle">
          {t.label}
        </text>
      ))}
      {series.map((s) => {
        const pts = s.points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.step));
        if (pts.length === 1) return <circle key={s.id} class="tb-hparams__mini-dot" cx={x.map(pts[0]!.step)} cy={y.map(pts[0]!.value)} r={3.5} fill={s.color} />;
        const d = pts.map((p) => `${x.map(p.step).toFixed(1)},${y.map(p.value).toFixed(1)}`).join(' ');
        return <polyline key={s.id} class="tb-hparams__mini-line" points={d} stroke={s.color} />;
      })}
    </svg>
  );
}
