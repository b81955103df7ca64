import { describe, expect, it } from 'vitest';
import { createScale, log10OrNaN } from './scale.js';

describe('createScale', () => {
  it('maps linearly, reversed ranges included', () => {
    const s = createScale('linear', [0, 10], [100, 0]);
    expect(s.map(0)).toBe(100);
    expect(s.map(2.5)).toBe(75);
    expect(s.invert(75)).toBe(2.5);
  });

  it('maps log10 evenly per decade', () => {
    const s = createScale('log', [1, 1000], [0, 300]);
    expect(s.map(10)).toBeCloseTo(100, 10);
    expect(s.map(100)).toBeCloseTo(200, 10);
    expect(s.invert(100)).toBeCloseTo(10, 10);
  });

  it('gives NaN for zero and negative values on a log scale', () => {
    const s = createScale('log', [0.1, 10], [0, 100]);
    expect(s.map(0)).toBeNaN();
    expect(s.map(-3)).toBeNaN();
    expect(log10OrNaN(-1)).toBeNaN();
  });

  it('gives NaN for non-finite values', () => {
    const s = createScale('linear', [0, 1], [0, 1]);
    expect(s.map(NaN)).toBeNaN();
    expect(s.map(Infinity)).toBeNaN();
  });

  it('maps a zero-width domain to the middle of the range', () => {
    const s = createScale('linear', [5, 5], [0, 100]);
    expect(s.map(5)).toBe(50);
    expect(s.invert(30)).toBe(5);
  });
});
