import { describe, expect, it } from 'vitest';
import { xAxisTicks, yAxisTicks } from './axis-ticks.js';

const labels = (ticks: { label: string }[]) => ticks.map((t) => t.label);

describe('xAxisTicks', () => {
  it('labels steps with k', () => {
    expect(labels(xAxisTicks('step', [0, 2000], 4))).toEqual(['0', '500', '1k', '1.5k', '2k']);
  });

  it('puts step ticks on integers only', () => {
    expect(labels(xAxisTicks('step', [0, 4], 8))).toEqual(['0', '1', '2', '3', '4']);
  });

  it('places relative ticks at round durations, values in hours', () => {
    const ticks = xAxisTicks('relative', [0, 1], 4);
    expect(ticks.map((t) => t.value)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(labels(ticks)).toEqual(['0', '15m', '30m', '45m', '1h']);
  });

  it('labels wall time with clock times', () => {
    const t0 = new Date(2026, 0, 5, 10, 0, 0).getTime() / 1000;
    expect(labels(xAxisTicks('wall', [t0, t0 + 7200], 4))).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00']);
  });
});

describe('yAxisTicks', () => {
  it('labels linear ticks with the decimals the step needs', () => {
    expect(labels(yAxisTicks('linear', [0, 0.5], 5))).toEqual(['0', '0.1', '0.2', '0.3', '0.4', '0.5']);
  });

  it('labels log decades', () => {
    expect(labels(yAxisTicks('log', [1e-3, 10], 5))).toEqual(['0.001', '0.01', '0.1', '1', '10']);
  });
});
