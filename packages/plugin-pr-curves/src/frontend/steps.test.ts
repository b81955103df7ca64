import { describe, expect, it } from 'vitest';
import type { PrEntry } from './api.js';
import { entryAtOrBelow, mergeSteps } from './steps.js';

const entry = (step: number, wall_time = step): PrEntry => ({
  step,
  wall_time,
  precision: [],
  recall: [],
  true_positives: [],
  false_positives: [],
  true_negatives: [],
  false_negatives: [],
  thresholds: [],
});

describe('mergeSteps', () => {
  it('merges the runs steps, ascending, with the latest wall time of each', () => {
    expect(mergeSteps({ a: [entry(0), entry(10, 50)], b: [entry(5), entry(10, 60)] })).toEqual({ steps: [0, 5, 10], wallTimes: [0, 5, 60] });
    expect(mergeSteps({})).toEqual({ steps: [], wallTimes: [] });
  });
});

describe('entryAtOrBelow', () => {
  const entries = [entry(0), entry(10), entry(20)];
  it('picks the latest step at or below the chosen one', () => {
    expect(entryAtOrBelow(entries, 10)?.step).toBe(10);
    expect(entryAtOrBelow(entries, 19)?.step).toBe(10);
    expect(entryAtOrBelow(entries, 1000)?.step).toBe(20);
  });
  it('picks none when every step is later', () => {
    expect(entryAtOrBelow([entry(5)], 4)).toBeUndefined();
  });
});
