/**
 * "Step Time Breakdown": a stacked column per step, one segment per category (Kernel,
 * Memcpy, … Other), with a legend and a tooltip giving the segment's µs and share.
 */
import { useWidth } from '@tb/ui';
import { scaleBand, scaleLinear } from 'd3-scale';
import { useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS, type Category, type StepFigures } from './api.js';
import { CATEGORY_COLORS } from './colors.js';
import { formatDuration, formatUs } from './format.js';
import { Tooltip, type TooltipState } from './Tooltip.js';

const HEIGHT = 260;
const MARGIN = { top: 10, right: 12, bottom: 34, left: 64 };

/** The stacked segments of a step: [category, from, to] in µs, bottom up. */
export function stackStep(step: StepFigures): [Category, number, number][] {
  let at = 0;
  return CATEGORIES.map((c) => {
    const v = Number.isFinite(step[c]) ? Math.max(0, step[c]) : 0;
    const seg: [Category, number, number] = [c, at, at + v];
    at += v;
    return seg;
  });
}

/** Props of {@link StepChart}. */
export interface StepChartProps {
  readonly steps: readonly StepFigures[];
  readonly testId?: string;
}

/** @example <StepChart steps={figures.steps} /> */
export function StepChart({ steps, testId }: StepChartProps) {
  const { ref, width } = useWidth<HTMLDivElement>(640);
  const [tip, setTip] = useState<TooltipState | null>(null);
  const stacks = steps.map((s) => ({ step: s, segs: stackStep(s) }));
  const max = Math.max(1, ...stacks.map((s) => s.segs.at(-1)?.[2] ?? 0));
  const x = scaleBand<string>()
    .domain(steps.map((s) => s.step))
    .range([MARGIN.left, Math.max(MARGIN.left + 10, width - MARGIN.right)])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(5);
  return (
    <div class="tb-prof-chart" ref={ref} data-testid={testId}>
      <ul class="tb-prof-legend">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span class="tb-prof-legend__swatch" style={{ background: CATEGORY_COLORS[c] }} />
            {CATEGORY_LABELS[c]}
          </li>
        ))}
      </ul>
      <svg width={width} height={HEIGHT} class="tb-prof-chart__svg" role="img" aria-label="Step time breakdown per step" onMouseLeave={() => setTip(null)}>
        <g class="tb-prof-chart__grid">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
              <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
                {formatDuration(t)}
              </text>
            </g>
          ))}
        </g>
        {stacks.map(({ step, segs }) => (
          <g key={step.step} class="tb-prof-chart__step" data-step={step.step}>
            {segs.map(([c, from, to]) =>
              to > from ? (
                <rect
                  key={c}
                  data-category={c}
                  x={x(step.step)}
                  width={x.bandwidth()}
                  y={y(to)}
                  height={Math.max(0, y(from) - y(to))}
                  fill={CATEGORY_COLORS[c]}
                  onMouseMove={(e) =>
                    setTip({
                      x: e.clientX,
                      y: e.clientY,
                      content: (
                        <>
                          Step {step.step} · total {formatUs(step.total)}
                          <br />
                          <b>
                            {CATEGORY_LABELS[c]}: {formatUs(to - from)}
                          </b>{' '}
                          ({step.total > 0 ? (((to - from) / step.total) * 100).toFixed(2) : '–'} %)
                        </>
                      ),
                    })
                  }
                >
                  <title>{`Step ${step.step}, ${CATEGORY_LABELS[c]}: ${formatUs(to - from)}`}</title>
                </rect>
              ) : null,
            )}
            <text class="tb-prof-chart__label" x={(x(step.step) ?? 0) + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 14} text-anchor="middle">
              {step.step}
            </text>
          </g>
        ))}
        <text class="tb-prof-chart__title" x={(MARGIN.left + width - MARGIN.right) / 2} y={HEIGHT - 4} text-anchor="middle">
          Step
        </text>
      </svg>
      <Tooltip state={tip} testId={testId && `${testId}-tooltip`} />
    </div>
  );
}
