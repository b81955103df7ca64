import { describe, expect, it } from 'vitest';
import { isAscending, lowerBound, nearestIndex, upperBound, visibleWindow } from './nearest.js';

const x = Float64Array.of(0, 10, 20, 30);

describe('nearestIndex', () => {
  it('binary-searches a sorted column', () => {
    expect(nearestIndex(x, -5, true)).toBe(0);
    expect(nearestIndex(x, 14, true)).toBe(1);
    expect(nearestIndex(x, 15, true)).toBe(1);
    expect(nearestIndex(x, 16, true)).toBe(2);
    expect(nearestIndex(x, 99, true)).toBe(3);
  });

  it('scans a column written out of order', () => {
    const y = Float64Array.of(5, 1, 9, 3);
    expect(isAscending(y)).toBe(false);
    expect(nearestIndex(y, 8, false)).toBe(2);
  });

  it('is -1 for no points', () => {
    expect(nearestIndex(new Float64Array(0), 1, true)).toBe(-1);
  });
});

describe('bounds and windows', () => {
  it('finds the index window of an x range plus a neighbour on each side', () => {
    expect(lowerBound(x, 10)).toBe(1);
    expect(upperBound(x, 10)).toBe(2);
    expect(visibleWindow(x, 12, 18)).toEqual([1, 3]);
    expect(visibleWindow(x, 10, 20)).toEqual([0, 4]);
    expect(visibleWindow(x, 100, 200)).toEqual([3, 4]);
  });

  it('tells sorted columns', () => {
    expect(isAscending(x)).toBe(true);
    expect(isAscending(Float64Array.of(1, 1, 2))).toBe(true);
  });
});
