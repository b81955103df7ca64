import { describe, expect, it } from 'vitest';
import type { PrEntry } from './api.js';
import { nearestPoint } from './nearest.js';

const e: PrEntry = {
  step: 1,
  wall_time: 0,
  thresholds: [0, 0.5, 1],
  precision: [0.5, 0.8, 1],
  recall: [1, 0.6, 0.1],
  true_positives: [10, 6, 1],
  false_positives: [10, 1, 0],
  true_negatives: [0, 9, 10],
  false_negatives: [0, 4, 9],
};
const px = (v: number) => v * 100;
const py = (v: number) => 100 - v * 100;

describe('nearestPoint', () => {
  it('finds the point closest to the mouse in pixels, with its counts', () => {
    expect(nearestPoint(e, 62, 22, px, py)).toEqual({ index: 1, threshold: 0.5, precision: 0.8, recall: 0.6, tp: 6, fp: 1, tn: 9, fn: 4 });
    expect(nearestPoint(e, 0, 0, px, py)?.index).toBe(2);
  });
  it('has none on an empty curve', () => {
    expect(nearestPoint({ ...e, thresholds: [], precision: [], recall: [] }, 0, 0, px, py)).toBeUndefined();
  });
});
