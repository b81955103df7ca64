import { describe, expect, it } from 'vitest';
import { nestingDepths, selfTimes, startOrder } from './nesting.js';
import type { XEvent } from './types.js';

const ev = (offsetPs: number, durationPs: number): XEvent => ({ metadataId: 1, offsetPs, numOccurrences: 0, durationPs, stats: [] });

describe('nestingDepths', () => {
  it('treats touching intervals as siblings and contained ones as children', () => {
    expect(Array.from(nestingDepths([0, 0, 5, 5, 6], [10, 5, 10, 7, 7], [0, 1, 2, 3, 4]))).toEqual([0, 1, 1, 2, 3]);
  });
});

describe('selfTimes', () => {
  it('subtracts direct children only, whatever the input order', () => {
    // outer 0..100 holds a 10..60 (which holds b 20..30) and c 60..90; d 200..210 alone.
    const events = [ev(20, 10), ev(200, 10), ev(0, 100), ev(60, 30), ev(10, 50)];
    expect(Array.from(startOrder(events))).toEqual([2, 4, 0, 3, 1]);
    expect(Array.from(selfTimes(events))).toEqual([10, 10, 100 - 50 - 30, 30, 50 - 10]);
    // Self times add up to the busy time of the line.
    expect(Array.from(selfTimes(events)).reduce((a, b) => a + b, 0)).toBe(110);
  });

  it('never goes below zero on overlapping (bad) data', () => {
    expect(Array.from(selfTimes([ev(0, 10), ev(5, 20)]))).toEqual([0, 20]);
  });
});
