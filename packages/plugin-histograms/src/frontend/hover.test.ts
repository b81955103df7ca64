import { describe, expect, it } from 'vitest';
import { bucketAt, offsetStepAt, overlayStepAt } from './hover.js';

describe('hover', () => {
  it('offset: the ridge whose baseline is nearest below the pointer', () => {
    const baselines = [100, 140, 180];
    expect(offsetStepAt(baselines, 90)).toBe(0);
    expect(offsetStepAt(baselines, 120)).toBe(1);
    expect(offsetStepAt(baselines, 175)).toBe(2);
    expect(offsetStepAt(baselines, 300)).toBe(2);
  });
  it('overlay: the nearest curve', () => {
    const ys = [50, 80, 120];
    expect(overlayStepAt((s) => ys[s]!, 3, 85)).toBe(1);
    expect(overlayStepAt((s) => ys[s]!, 3, 0)).toBe(0);
  });
  it('finds the original bucket under a value', () => {
    const h = { wallTime: 0, step: 0, buckets: [[0, 1, 3], [1, 2, 5]] as [number, number, number][] };
    expect(bucketAt(h, 0.5)).toEqual([0, 1, 3]);
    expect(bucketAt(h, 1)).toEqual([1, 2, 5]);
    expect(bucketAt(h, 2)).toEqual([1, 2, 5]);
    expect(bucketAt(h, 2.1)).toBeNull();
  });
});
