import { describe, expect, it } from 'vitest';
import { relativeHours, xValues } from './x-axis.js';

const series = {
  wall: Float64Array.of(7200, 9000, 10800 + 36),
  step: Float64Array.of(0, 10, 20),
  value: Float64Array.of(1, 2, 3),
};

describe('xValues', () => {
  it('uses the step column for step', () => {
    expect(xValues(series, 'step')).toBe(series.step);
  });

  it('uses seconds since the epoch for wall time', () => {
    expect([...xValues(series, 'wall')]).toEqual([7200, 9000, 10836]);
  });

  it('gives hours since the run\'s first point for relative', () => {
    const x = xValues(series, 'relative');
    expect(x[0]).toBe(0);
    expect(x[1]).toBeCloseTo(0.5, 12);
    expect(x[2]).toBeCloseTo(1.01, 12);
  });

  it('handles an empty series', () => {
    expect(xValues({ wall: new Float64Array(0), step: new Float64Array(0), value: new Float64Array(0) }, 'relative').length).toBe(0);
  });
});

describe('relativeHours', () => {
  it('converts seconds to hours', () => {
    expect(relativeHours(100 + 5400, 100)).toBe(1.5);
  });
});
