/**
 * A donut chart with a legend: the slices' share of the whole, each with its value and
 * percentage on hover (and in the legend). Slices beyond `maxSlices` merge into "Other".
 */
import { arc, pie } from 'd3-shape';
import { useState } from 'preact/hooks';
import { OTHER_COLOR, sliceColor } from './colors.js';
import { Tooltip, type TooltipState } from './Tooltip.js';

/** One slice. */
export interface Slice {
  readonly label: string;
  readonly value: number;
  readonly color?: string;
}

/** Props of {@link Pie}. */
export interface PieProps {
  readonly slices: readonly Slice[];
  /** How a value reads ("98,589 µs"). */
  readonly format: (v: number) => string;
  readonly maxSlices?: number;
  readonly size?: number;
  readonly testId?: string;
}

/** The slices to draw: positive values, largest `max - 1` kept and the rest summed as "Other". */
export function pieSlices(slices: readonly Slice[], max: number): Slice[] {
  const positive = slices.filter((s) => Number.isFinite(s.value) && s.value > 0);
  if (positive.length <= max) return positive.map((s, i) => ({ ...s, color: s.color ?? sliceColor(i) }));
  const sorted = [...positive].sort((a, b) => b.value - a.value);
  const kept = sorted.slice(0, max - 1).map((s, i) => ({ ...s, color: s.color ?? sliceColor(i) }));
  const rest = sorted.slice(max - 1).reduce((t, s) => t + s.value, 0);
  return [...kept, { label: 'Other', value: rest, color: OTHER_COLOR }];
}

/** @example <Pie slices={[{ label: 'Kernel', value: 98589 }]} format={formatUs} /> */
export function Pie(props: PieProps) {
  const size = props.size ?? 200;
  const slices = pieSlices(props.slices, props.maxSlices ?? 10);
  const total = slices.reduce((t, s) => t + s.value, 0);
  const [tip, setTip] = useState<TooltipState | null>(null);
  const arcs = pie<Slice>()
    .value((s) => s.value)
    .sort(null)(slices);
  const path = arc<(typeof arcs)[number]>()
    .innerRadius(size * 0.27)
    .outerRadius(size / 2 - 2);
  const pct = (v: number) => (total > 0 ? `${((v / total) * 100).toFixed(2)} %` : '–');
  return (
    <div class="tb-prof-pie" data-testid={props.testId}>
      <svg width={size} height={size} viewBox={`${-size / 2} ${-size / 2} ${size} ${size}`} role="img" aria-label="Pie chart" onMouseLeave={() => setTip(null)}>
        {arcs.map((a) => (
          <path
            key={a.data.label}
            d={path(a) ?? ''}
            fill={a.data.color}
            class="tb-prof-pie__slice"
            data-label={a.data.label}
            onMouseMove={(e) => setTip({ x: e.clientX, y: e.clientY, content: <><b>{a.data.label}</b><br />{props.format(a.data.value)} ({pct(a.data.value)})</> })}
          >
            <title>{`${a.data.label}: ${props.format(a.data.value)} (${pct(a.data.value)})`}</title>
          </path>
        ))}
      </svg>
      <ul class="tb-prof-legend tb-prof-legend--column">
        {slices.map((s) => (
          <li key={s.label} title={`${s.label}: ${props.format(s.value)}`}>
            <span class="tb-prof-legend__swatch" style={{ background: s.color }} />
            <span class="tb-prof-legend__label">{s.label}</span>
            <span class="tb-prof-legend__value">{pct(s.value)}</span>
          </li>
        ))}
      </ul>
      <Tooltip state={tip} />
    </div>
  );
}
