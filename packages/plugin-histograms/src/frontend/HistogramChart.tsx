/**
 * One run's histograms of one tag, drawn as TensorBoard draws them. Offset mode: one
 * ridge per step, stacked in depth with the newest in front (at the bottom) and older
 * steps further back, on a step axis at the right. Overlay mode: every step on one
 * baseline, coloured from light (oldest) to the run's colour (newest). Hovering picks a
 * step and shows its original bucket under the pointer: step, [left, right) and count.
 */
import { createScale } from '@tb/ui';
import { useMemo, useState } from 'preact/hooks';
import type { StepHistogram } from './api.js';
import { BottomAxis, SideAxis, type Frame } from './Axes.js';
import { mix } from './color.js';
import { formatValue } from './format.js';
import { bucketAt, offsetStepAt, overlayStepAt } from './hover.js';
import { binRange, rebin } from './rebin.js';
import type { HistogramMode } from './settings.js';

const W = 480;
const H = 300;

export interface HistogramChartProps {
  readonly data: readonly StepHistogram[];
  readonly mode: HistogramMode;
  readonly color: string;
  readonly darkMode: boolean;
  readonly testId: string;
}

interface Hover {
  readonly index: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
}

export function HistogramChart(props: HistogramChartProps) {
  const { data, mode, color } = props;
  const [hover, setHover] = useState<Hover | null>(null);
  const r = useMemo(() => rebin(data), [data]);
  const frame: Frame = { left: 12, right: mode === 'offset' ? W - 44 : W - 12, top: 10, bottom: H - 24 };
  const x = createScale('linear', [r.min, r.max], [frame.left, frame.right]);
  const steps = data.map((d) => d.step);
  const firstStep = steps[0] ?? 0;
  const lastStep = steps[steps.length - 1] ?? 0;
  const ridge = mode === 'offset' ? (frame.bottom - frame.top) * 0.4 : frame.bottom - frame.top;
  const stepScale = createScale('linear', [firstStep, lastStep === firstStep ? firstStep + 1 : lastStep], [frame.top + ridge, frame.bottom]);
  const baselines = steps.map((s) => (mode === 'overlay' || lastStep === firstStep ? frame.bottom : stepScale.map(s)));
  const height = (c: number) => (r.peak > 0 ? (c / r.peak) * ridge : 0);
  const binWidth = (frame.right - frame.left) / r.bins;
  const background = props.darkMode ? '#1f1f1f' : '#ffffff';

  const path = (si: number, closed: boolean) => {
    const base = baselines[si]!;
    const pts: string[] = [`M${frame.left.toFixed(1)},${base.toFixed(1)}`];
    for (let b = 0; b < r.bins; b++) pts.push(`L${(frame.left + (b + 0.5) * binWidth).toFixed(1)},${(base - height(r.counts[si * r.bins + b]!)).toFixed(1)}`);
    pts.push(`L${frame.right.toFixed(1)},${base.toFixed(1)}`);
    return pts.join('') + (closed ? 'Z' : '');
  };

  const onMove = (e: MouseEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * W;
    const py = ((e.clientY - box.top) / box.height) * H;
    if (px < frame.left || px > frame.right || data.length === 0) return setHover(null);
    const value = r.min + ((px - frame.left) / (frame.right - frame.left)) * (r.max - r.min);
    const bin = Math.min(r.bins - 1, Math.floor((px - frame.left) / binWidth));
    const index =
      mode === 'offset'
        ? offsetStepAt(baselines, py)
        : overlayStepAt((s) => baselines[s]! - height(r.counts[s * r.bins + bin]!), data.length, py);
    setHover({ index, value, x: px, y: py });
  };

  const hovered = hover ? data[hover.index] : undefined;
  const bucket = hover && hovered ? bucketAt(hovered, hover.value) : null;
  const readout = hovered
    ? bucket
      ? `Step ${hovered.step} · [${formatValue(bucket[0])}, ${formatValue(bucket[1])}) · count ${formatCount(bucket[2])}`
      : `Step ${hovered.step} · ${formatValue(hover!.value)} · no bucket here`
    : '';

  return (
    <div class="tb-hist__chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        class="tb-hist__svg"
        data-testid={props.testId}
        data-mode={mode}
        data-steps={data.length}
        data-range={`${r.min},${r.max}`}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      >
        {data.map((_, si) => {
          const age = data.length > 1 ? 1 - si / (data.length - 1) : 0;
          const isHovered = hover?.index === si;
          return mode === 'offset' ? (
            <path
              key={si}
              class="tb-hist__ridge"
              data-step={data[si]!.step}
              d={path(si, true)}
              fill={mix(color, background, 0.35 + 0.55 * age)}
              stroke={isHovered ? (props.darkMode ? '#fff' : '#000') : mix(color, background, 0.6 * age)}
              stroke-width={isHovered ? 1.6 : 0.8}
            />
          ) : (
            <path
              key={si}
              class="tb-hist__ridge"
              data-step={data[si]!.step}
              d={path(si, false)}
              fill="none"
              stroke={isHovered ? (props.darkMode ? '#fff' : '#000') : mix(color, background, 0.85 * age)}
              stroke-width={isHovered ? 2 : 1}
            />
          );
        })}
        <BottomAxis frame={frame} scale={x} />
        {mode === 'offset' && lastStep > firstStep && <SideAxis frame={frame} scale={stepScale} side="right" ticks={{ values: 'integer' }} />}
        {hover && <line class="tb-hist__guide" x1={hover.x} x2={hover.x} y1={frame.top} y2={frame.bottom} />}
      </svg>
      <div class="tb-hist__readout" data-testid={`${props.testId}-readout`} aria-live="polite">
        {readout || ' '}
      </div>
    </div>
  );
}

function formatCount(c: number): string {
  return Number.isInteger(c) ? String(c) : c.toFixed(2);
}

