import { describe, expect, it } from 'vitest';
import { bandData, chartExtents, nearestIndex, nearestStep, pathData } from './chart-geometry.js';
import type { Line } from './chart-series.js';

const line = (steps: number[], values: number[], bounds?: [number[], number[]]): Line => ({
  key: String(steps),
  run: 'r',
  tag: 't',
  index: 0,
  points: steps.map((step, i) => ({ step, wallTime: 0, value: values[i]! })),
  ...(bounds ? { lower: Float64Array.from(bounds[0]), upper: Float64Array.from(bounds[1]) } : {}),
});

describe('chartExtents', () => {
  it('spans every line and band, values padded by 5%, skipping non-finite values', () => {
    const e = chartExtents([line([0, 10], [1, NaN]), line([5], [2], [[0], [3]])]);
    expect(e?.x).toEqual([0, 10]);
    expect(e?.y[0]).toBeCloseTo(-0.15);
    expect(e?.y[1]).toBeCloseTo(3.15);
  });

  it('widens a single point and is null without points', () => {
    expect(chartExtents([line([3], [0])])).toEqual({ x: [2, 4], y: [-1, 1] });
    expect(chartExtents([line([], [])])).toBeNull();
  });
});

describe('nearest', () => {
  const points = [0, 10, 20].map((step) => ({ step }));
  it('finds the nearest point by step, the earlier on a tie', () => {
    expect(nearestIndex(points, 14)).toBe(1);
    expect(nearestIndex(points, 15)).toBe(1);
    expect(nearestIndex(points, 99)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
  });
  it('finds the nearest step over all lines', () => {
    expect(nearestStep([line([0, 10], [1, 1]), line([7], [1])], 8)).toBe(7);
    expect(nearestStep([], 8)).toBeNull();
  });
});

describe('paths', () => {
  it('breaks a line where a pixel is not finite', () => {
    expect(pathData([0, 1, 2, 3], [0, NaN, 2, 3])).toBe('M0.0,0.0M2.0,2.0L3.0,3.0');
  });
  it('closes a band per unbroken stretch', () => {
    expect(bandData([0, 1, 2], [5, 5, NaN], [1, 1, 1])).toBe('M0.0,1.0L1.0,1.0L1.0,5.0L0.0,5.0Z');
  });
});
