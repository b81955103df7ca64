import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks, niceStep } from './ticks.js';

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(1000, 4)).toBe(200);
    expect(niceStep(8, 10)).toBe(1);
  });
});

describe('linearTicks', () => {
  it('gives clean decimals', () => {
    expect(linearTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0.1, 0.35, 5)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it('keeps a minimum step (integer steps)', () => {
    expect(linearTicks(0, 4, 8, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(linearTicks(0.5, 2.5, 8, 1)).toEqual([1, 2]);
  });

  it('covers negative ranges and reversed bounds', () => {
    expect(linearTicks(5, -5, 2)).toEqual([-5, 0, 5]);
  });

  it('handles a zero-width and a non-finite range', () => {
    expect(linearTicks(3, 3, 5)).toEqual([3]);
    expect(linearTicks(0, Infinity, 5)).toEqual([]);
  });
});

describe('logTicks', () => {
  it('adds 2x and 5x over a few decades', () => {
    expect(logTicks(1, 1000, 5)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
  });

  it('thins powers of ten over many decades', () => {
    expect(logTicks(1e-8, 1e8, 5)).toEqual([1e-8, 1e-4, 1, 1e4, 1e8]);
  });

  it('falls back to linear ticks within a decade', () => {
    expect(logTicks(2, 6, 4)).toEqual([2, 3, 4, 5, 6]);
  });

  it('has no ticks for a non-positive range', () => {
    expect(logTicks(0, 10, 5)).toEqual([]);
  });
});
