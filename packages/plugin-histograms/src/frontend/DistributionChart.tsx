/**
 * One run's distributions of one tag, as TensorBoard draws them: the nine compressed
 * points of each step as nested shaded bands (min-max, +-1.5, +-1 and +-0.5 standard
 * deviations of a normal) and the median line, over step, relative time or wall time.
 * Hovering shows the nearest step's values.
 */
import { createScale, SECONDS_PER_HOUR, X_AXIS_SCALES } from '@tb/ui';
import { useState } from 'preact/hooks';
import type { StepDistribution } from './api.js';
import { BottomAxis, SideAxis, type Frame } from './Axes.js';
import { formatValue } from './format.js';
import type { XAxis } from './settings.js';

const W = 480;
const H = 300;
/** Pairs of basis-point indices bounding each band, outermost first. */
const BANDS: readonly [number, number][] = [[0, 8], [1, 7], [2, 6], [3, 5]];

export interface DistributionChartProps {
  readonly data: readonly StepDistribution[];
  readonly xAxis: XAxis;
  readonly color: string;
  readonly testId: string;
}

/** The x value of a step for the chosen axis: step, hours since the first, or wall seconds. */
export function xOf(d: StepDistribution, first: StepDistribution | undefined, axis: XAxis): number {
  if (axis === 'step') return d.step;
  if (axis === 'relative') return (d.wallTime - (first?.wallTime ?? d.wallTime)) / SECONDS_PER_HOUR;
  return d.wallTime;
}

export function DistributionChart(props: DistributionChartProps) {
  const { data, xAxis, color } = props;
  const [hover, setHover] = useState<number | null>(null);
  const frame: Frame = { left: 52, right: W - 14, top: 10, bottom: H - 24 };
  const xs = data.map((d) => xOf(d, data[0], xAxis));
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of data) for (const v of d.values) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  if (lo === Infinity) (lo = 0), (hi = 1);
  if (lo === hi) (lo -= 0.5), (hi += 0.5);
  const x0 = xs[0] ?? 0;
  const x1 = xs.length > 1 ? xs[xs.length - 1]! : x0 + 1;
  const xScale = createScale(X_AXIS_SCALES[xAxis].kind, [x0, x1], [frame.left, frame.right]);
  const yScale = createScale('linear', [lo, hi], [frame.bottom, frame.top]);
  const x = xScale.map;
  const y = yScale.map;

  const band = ([a, b]: [number, number]) => {
    if (data.length === 0) return '';
    const upper = data.map((d, i) => `${x(xs[i]!).toFixed(1)},${y(d.values[b]!).toFixed(1)}`);
    const lower = data.map((d, i) => `${x(xs[i]!).toFixed(1)},${y(d.values[a]!).toFixed(1)}`).reverse();
    return `M${upper.join('L')}L${lower.join('L')}Z`;
  };
  const median = data.map((d, i) => `${x(xs[i]!).toFixed(1)},${y(d.values[4]!).toFixed(1)}`).join('L');

  const onMove = (e: MouseEvent) => {
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * W;
    if (data.length === 0) return;
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(x(xs[i]!) - px) < Math.abs(x(xs[best]!) - px)) best = i;
    setHover(best);
  };
  const h = hover === null ? undefined : data[hover];

  return (
    <div class="tb-hist__chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        class="tb-hist__svg"
        data-testid={props.testId}
        data-steps={data.length}
        data-x-axis={xAxis}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      >
        {BANDS.map((pair, i) => (
          <path key={i} class="tb-hist__band" d={band(pair)} fill={color} fill-opacity={0.16 + 0.12 * i} />
        ))}
        {data.length > 0 && <path class="tb-hist__median" d={`M${median}`} fill="none" stroke={color} stroke-width={1.5} />}
        <SideAxis frame={frame} scale={yScale} side="left" />
        <BottomAxis frame={frame} scale={xScale} ticks={X_AXIS_SCALES[xAxis].ticks} />
        {h && <line class="tb-hist__guide" x1={x(xs[hover!]!)} x2={x(xs[hover!]!)} y1={frame.top} y2={frame.bottom} />}
      </svg>
      <div class="tb-hist__readout" data-testid={`${props.testId}-readout`} aria-live="polite">
        {h
          ? `Step ${h.step} · min ${formatValue(h.values[0]!)} · median ${formatValue(h.values[4]!)} · max ${formatValue(h.values[8]!)}`
          : ' '}
      </div>
    </div>
  );
}
