// @vitest-environment happy-dom
import { render, type ComponentChild } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepDistribution, StepHistogram } from './api.js';
import { DistributionChart } from './DistributionChart.js';
import { HistogramChart } from './HistogramChart.js';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function mount(node: ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

/** The tick labels of the axis groups in the chart, in order. */
const axisLabels = (root: HTMLElement, axis: number) => [...root.querySelectorAll('.tb-hist__axis')[axis]!.querySelectorAll('text')].map((t) => t.textContent);

const t0 = new Date(2026, 0, 5, 10, 0, 0).getTime() / 1000;
const distributions: StepDistribution[] = Array.from({ length: 5 }, (_, i) => ({
  wallTime: t0 + i * 900,
  step: i * 250,
  values: [-0.043, -0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03, 0.051],
}));

describe('DistributionChart axes', () => {
  it('ticks values on the left and integer steps below', () => {
    const root = mount(<DistributionChart data={distributions} xAxis="step" color="#f00" testId="d" />);
    expect(axisLabels(root, 0)).toEqual(['-0.04', '-0.02', '0', '0.02', '0.04']);
    expect(axisLabels(root, 1)).toEqual(['0', '200', '400', '600', '800', '1000']);
  });

  it('labels relative time as durations and wall time as clock times', () => {
    const relative = mount(<DistributionChart data={distributions} xAxis="relative" color="#f00" testId="d" />);
    expect(axisLabels(relative, 1)).toEqual(['0', '10m', '20m', '30m', '40m', '50m', '1h']);
    render(null, container);
    const wall = mount(<DistributionChart data={distributions} xAxis="wall" color="#f00" testId="d" />);
    expect(axisLabels(wall, 1)).toEqual(['10:00', '10:15', '10:30', '10:45', '11:00']);
  });
});

describe('HistogramChart axes', () => {
  const histograms: StepHistogram[] = Array.from({ length: 4 }, (_, i) => ({ wallTime: t0 + i, step: i * 3, buckets: [[-1, 0, 2 + i], [0, 1, 3]] }));

  it('ticks the values below and, in offset mode, integer steps on the right', () => {
    const root = mount(<HistogramChart data={histograms} mode="offset" color="#f00" darkMode={false} testId="h" />);
    expect(axisLabels(root, 0)).toEqual(['-1.0', '-0.5', '0', '0.5', '1.0']);
    expect(axisLabels(root, 1)).toEqual(['0', '2', '4', '6', '8']);
  });
});
