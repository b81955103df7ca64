/**
 * The memory curve of one device: allocated and reserved memory over time as lines.
 * Dragging across it selects a time range, reported in the trace's clock (µs) so that the
 * memory table can be refiltered with `start_ts`/`end_ts`.
 */
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useState } from 'preact/hooks';
import { formatValue, useWidth } from '@tb/ui';
import type { MemoryCurveAnswer } from './api.js';

const HEIGHT = 240;
const M = { top: 10, right: 14, bottom: 30, left: 60 };
const SERIES = [
  { index: 1, name: 'Allocated', color: '#3366cc' },
  { index: 2, name: 'Reserved', color: '#ff9900' },
] as const;

/** A time range in the curve's time unit and in the trace's clock (µs). */
export interface CurveRange {
  readonly start: number;
  readonly end: number;
  readonly startTs: number;
  readonly endTs: number;
}

/** The trace timestamp (µs) of a curve time `t` (in the curve's time unit). */
export function curveTimeToTs(meta: MemoryCurveAnswer['metadata'], t: number): number {
  const factor = meta.time_factor > 0 ? meta.time_factor : 1;
  return Math.round(t / factor + (meta.first_ts ?? 0));
}

/** Props of {@link MemoryCurve}. */
export interface MemoryCurveProps {
  readonly curve: MemoryCurveAnswer;
  readonly device: string;
  readonly range: CurveRange | null;
  readonly onRange: (range: CurveRange | null) => void;
}

/** @example <MemoryCurve curve={c} device="GPU0" range={r} onRange={setR} /> */
export function MemoryCurve({ curve, device, range, onRange }: MemoryCurveProps) {
  const { ref, width } = useWidth<HTMLDivElement>(640);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const points = (curve.rows[device] ?? []).filter((r) => r.length >= 3 && r.every(Number.isFinite));
  const [t0, t1] = extent(points, (p) => p[0]!);
  const maxY = Math.max(1, ...points.map((p) => Math.max(p[1]!, p[2]!)));
  const x = scaleLinear()
    .domain([t0 ?? 0, t1 ?? 1])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, maxY])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const unitT = curve.metadata.time_metric ?? 'ms';
  const unitM = curve.metadata.memory_metric ?? 'MB';
  const px = (e: PointerEvent) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGElement);
    const left = svg.getBoundingClientRect().left;
    return Math.min(width - M.right, Math.max(M.left, e.clientX - left));
  };
  const finish = () => {
    if (drag && Math.abs(drag.to - drag.from) > 3) {
      const [a, b] = [x.invert(Math.min(drag.from, drag.to)), x.invert(Math.max(drag.from, drag.to))];
      onRange({ start: a, end: b, startTs: curveTimeToTs(curve.metadata, a), endTs: curveTimeToTs(curve.metadata, b) });
    }
    setDrag(null);
  };
  const band = drag ? [Math.min(drag.from, drag.to), Math.abs(drag.to - drag.from)] : range ? [x(range.start), x(range.end) - x(range.start)] : null;
  return (
    <div class="tb-prof-chart" ref={ref} data-testid="memory-curve">
      <ul class="tb-prof-legend">
        {SERIES.map((s) => (
          <li key={s.name}>
            <span class="tb-prof-legend__swatch" style={{ background: s.color }} />
            {s.name} ({unitM})
          </li>
        ))}
        {range && (
          <li>
            <button type="button" class="tb-button tb-button--flat" data-testid="memory-reset" onClick={() => onRange(null)}>
              Reset selection ({formatValue(range.start)}–{formatValue(range.end)} {unitT})
            </button>
          </li>
        )}
      </ul>
      <svg width={width} height={HEIGHT} class="tb-prof-chart__svg" role="img" aria-label={`Memory of ${device} over time; drag to select a range`}>
        <g class="tb-prof-chart__grid">
          {y.ticks(5).map((t) => (
            <g key={t}>
              <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
                {formatValue(t, 3)}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - M.bottom + 14} text-anchor="middle">
              {formatValue(t, 4)}
            </text>
          ))}
        </g>
        <text class="tb-prof-chart__title" x={(M.left + width - M.right) / 2} y={HEIGHT - 2} text-anchor="middle">
          Time ({unitT})
        </text>
        {SERIES.map((s) => (
          <path key={s.name} class="tb-prof-chart__line" stroke={s.color} d={line<number[]>((p) => x(p[0]!), (p) => y(p[s.index]!))(points) ?? ''} />
        ))}
        {band && <rect class="tb-prof-chart__band" x={band[0]} y={M.top} width={band[1]} height={HEIGHT - M.top - M.bottom} />}
        <rect
          class="tb-prof-chart__overlay"
          data-testid="memory-curve-overlay"
          x={M.left}
          y={M.top}
          width={Math.max(0, width - M.left - M.right)}
          height={HEIGHT - M.top - M.bottom}
          onPointerDown={(e) => {
            // Keep receiving the drag when the pointer leaves the chart.
            (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
            setDrag({ from: px(e), to: px(e) });
          }}
          onPointerMove={(e) => drag && setDrag({ ...drag, to: px(e) })}
          onPointerUp={finish}
          onPointerLeave={finish}
        />
      </svg>
    </div>
  );
}
