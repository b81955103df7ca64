import { describe, expect, it } from 'vitest';
import type { TensorDatum } from '@tb/core/plugin';
import { rebin } from './frontend/rebin.js';
import { bucketCount, compactJson, fullJson, PAGE_BINS } from './compact.js';

/** A step's histogram as a [k, 3] tensor. */
function datum(step: number, buckets: [number, number, number][]): TensorDatum {
  return { step, wallTime: 100 + step, value: { dtype: 'float64', shape: [buckets.length, 3], numbers: Float64Array.from(buckets.flat()), strings: [] } };
}

/** A bell curve of `k` narrow buckets around `mean`. */
function bell(step: number, k: number, mean: number): TensorDatum {
  const w = 4 / k;
  return datum(step, Array.from({ length: k }, (_, i) => {
    const l = mean - 2 + i * w;
    return [l, l + w, Math.round(50 * Math.exp(-(((l + w / 2 - mean) / 0.5) ** 2)))] as [number, number, number];
  }));
}

const asSteps = (json: string) =>
  (JSON.parse(json) as [number, number, [number, number, number][]][]).map(([wallTime, step, buckets]) => ({ wallTime, step, buckets }));

describe('compactJson', () => {
  const series = [bell(0, 1000, 0), bell(10, 1000, 0.3), bell(20, 700, -0.2)];

  it('draws on the page what the full answer draws', () => {
    const full = rebin(asSteps(fullJson(series)));
    const compact = rebin(asSteps(compactJson(series)!));
    expect(compact.min).toBe(full.min);
    expect(compact.max).toBe(full.max);
    full.counts.forEach((c, i) => expect(compact.counts[i]).toBeCloseTo(c, 6));
  });

  it('keeps every step, with at most the page bins each', () => {
    const steps = asSteps(compactJson(series)!);
    expect(steps.map((s) => [s.wallTime, s.step])).toEqual([[100, 0], [110, 10], [120, 20]]);
    for (const s of steps) expect(s.buckets.length).toBeLessThanOrEqual(PAGE_BINS);
    expect(bucketCount(series)).toBe(2700);
  });

  it('keeps the total count of each step', () => {
    const steps = asSteps(compactJson(series)!);
    steps.forEach((s, i) => {
      const total = (x: Float64Array) => x.reduce((a, v, j) => (j % 3 === 2 ? a + v : a), 0);
      expect(s.buckets.reduce((a, b) => a + b[2], 0)).toBeCloseTo(total(series[i]!.value.numbers), 6);
    });
  });

  it('gives null when there is nothing to spread (no counts, or one point)', () => {
    expect(compactJson([datum(0, [[1, 2, 0]])])).toBeNull();
    expect(compactJson([datum(0, [[1, 1, 5]])])).toBeNull();
  });
});

describe('fullJson', () => {
  it('is JSON.stringify of the events, non-finite numbers as null', () => {
    const s = [datum(1, [[-Infinity, 0, 2], [0, 0.5, 1.25]]), { step: 2, wallTime: 3, value: { dtype: 'float64' as const, shape: [], numbers: Float64Array.of(1), strings: [] } }];
    expect(fullJson(s)).toBe(JSON.stringify([[101, 1, [[-Infinity, 0, 2], [0, 0.5, 1.25]]], [3, 2, []]]));
  });
});
