import { describe, expect, it } from 'vitest';
import { pyFloat, pyIntOrFloat, pyRound } from './py-number.js';
import {
  intersectRanges, intersectValueRanges, mergeRanges, mergeValueRanges, rangesSum, subtractRanges,
} from './ranges.js';

/** Brute force over integer instants, to check the sweeps against. */
const covered = (ranges: readonly (readonly [number, number])[], t: number): boolean => ranges.some(([a, b]) => t >= a && t < b);

describe('range arithmetic', () => {
  const a = mergeRanges([[5, 9], [0, 3], [2, 4], [8, 12], [20, 25], [21, 22]]);
  const b = mergeRanges([[1, 6], [10, 21], [24, 30]]);

  it('merges overlapping and touching ranges', () => {
    expect(a).toEqual([[0, 4], [5, 12], [20, 25]]);
    expect(mergeRanges([[0, 2], [2, 3]])).toEqual([[0, 3]]);
    expect(rangesSum(a)).toBe(4 + 7 + 5);
  });

  it('intersects and subtracts like the instants say', () => {
    const both = intersectRanges(a, b);
    const only = subtractRanges(a, b);
    for (let t = -1; t < 32; t++) {
      expect(covered(both, t)).toBe(covered(a, t) && covered(b, t));
      expect(covered(only, t)).toBe(covered(a, t) && !covered(b, t));
    }
    expect(rangesSum(both) + rangesSum(only)).toBe(rangesSum(a));
  });

  it('sums overlapping values, capped at 1, and clips them', () => {
    const v = mergeValueRanges([[0, 10, 0.5], [5, 15, 0.75], [20, 30, 0.25]]);
    expect(v).toEqual([[0, 5, 0.5], [5, 10, 1], [10, 15, 0.75], [20, 30, 0.25]]);
    expect(intersectValueRanges(v, [[3, 12], [25, 40]])).toEqual([[3, 5, 0.5], [5, 10, 1], [10, 12, 0.75], [25, 30, 0.25]]);
  });
});

describe('Python number text', () => {
  it('writes floats as Python does', () => {
    expect(pyFloat(0)).toBe('0.0');
    expect(pyFloat(1)).toBe('1.0');
    expect(pyFloat(0.23881)).toBe('0.23881');
    expect(pyFloat(1e-5)).toBe('1e-05');
    expect(pyFloat(1.3877787807814457e-16)).toBe('1.3877787807814457e-16');
    expect(pyFloat(0.0001)).toBe('0.0001');
    expect(pyFloat(123456789012345680)).toBe('1.2345678901234568e+17');
    expect(pyFloat(1e15)).toBe('1000000000000000.0');
    expect(pyIntOrFloat(1623142623460016)).toBe('1623142623460016');
    expect(pyIntOrFloat(2.5)).toBe('2.5');
  });

  it('rounds half to even', () => {
    expect(pyRound(2.5)).toBe(2);
    expect(pyRound(3.5)).toBe(4);
    expect(pyRound(7048.125, 2)).toBe(7048.12);
    expect(pyRound(55.5123, 2)).toBe(55.51);
  });
});
