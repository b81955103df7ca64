import { describe, expect, it } from 'vitest';
import { finiteExtent, padRange, percentileBounds, quantileSorted, valuesInView, yDomain } from './extent.js';

describe('finiteExtent', () => {
  it('ignores NaN and infinities', () => {
    expect(finiteExtent([Float64Array.of(3, NaN, -Infinity, 1), Float64Array.of(7, Infinity)])).toEqual([1, 7]);
  });

  it('is null without finite values', () => {
    expect(finiteExtent([Float64Array.of(NaN)])).toBeNull();
    expect(finiteExtent([])).toBeNull();
  });
});

describe('percentileBounds', () => {
  it('gives the 5th and 95th percentile of 0..100', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(percentileBounds(values)).toEqual([5, 95]);
  });

  it('leaves a single huge outlier out of the range', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? 1e9 : i % 10));
    const [lo, hi] = percentileBounds(values)!;
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(10);
  });

  it('interpolates between points and skips non-finite values', () => {
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
    expect(percentileBounds(Float64Array.of(NaN, 4, Infinity))).toEqual([4, 4]);
    expect(percentileBounds(Float64Array.of(NaN))).toBeNull();
  });
});

describe('padRange', () => {
  it('pads by 5% of the width on each side', () => {
    expect(padRange([0, 100], 'linear')).toEqual([-5, 105]);
  });

  it('pads a zero-width range around its value', () => {
    expect(padRange([2, 2], 'linear')).toEqual([1.8, 2.2]);
    expect(padRange([0, 0], 'linear')).toEqual([-1, 1]);
  });

  it('pads in log space for a log scale', () => {
    const [a, b] = padRange([1, 1e4], 'log');
    expect(Math.log10(a)).toBeCloseTo(-0.2, 10);
    expect(Math.log10(b)).toBeCloseTo(4.2, 10);
  });
});

describe('valuesInView', () => {
  const line = { x: Float64Array.of(0, 1, 2, 3), y: Float64Array.of(-1, 0, 5, NaN) };

  it('drops non-positive values for a log scale', () => {
    expect([...valuesInView([line], null, 'log')]).toEqual([5]);
    expect([...valuesInView([line], null, 'linear')]).toEqual([-1, 0, 5]);
  });

  it('keeps only points whose x is in range', () => {
    expect([...valuesInView([line], [0.5, 1.5], 'linear')]).toEqual([0]);
  });
});

describe('yDomain', () => {
  it('is null with nothing to show (e.g. only non-positive values on a log axis)', () => {
    expect(yDomain(valuesInView([{ x: Float64Array.of(0), y: Float64Array.of(-2) }], null, 'log'), 'log', false)).toBeNull();
  });

  it('uses percentiles when ignoring outliers', () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(yDomain(values, 'linear', true)).toEqual([0.5, 99.5]);
    expect(yDomain(values, 'linear', false)).toEqual([-5, 105]);
  });
});
