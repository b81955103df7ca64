import { describe, expect, it } from 'vitest';
import { downsampleSeries, shapeIndices } from './downsample.js';

/** A million-point noisy decaying curve with one spike, as a training loss with one bad batch. */
function millionWithSpike(spikeAt: number): Float64Array {
  const values = new Float64Array(1_000_000);
  let seed = 42;
  for (let i = 0; i < values.length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    values[i] = 2 * Math.exp(-i / 200_000) + (seed / 2 ** 31) * 0.05;
  }
  values[spikeAt] = 50;
  return values;
}

describe('shapeIndices', () => {
  const spikeAt = 777_777;
  const values = millionWithSpike(spikeAt);

  it('draws a million points from at most n (+1), keeping the spike, the first and the last point', () => {
    for (const n of [1000, 2000, 4001]) {
      const kept = shapeIndices(values, n);
      expect(kept.length).toBeLessThanOrEqual(n + 1);
      expect(kept.length).toBeGreaterThan(n / 2);
      expect(kept[0]).toBe(0);
      expect(kept[kept.length - 1]).toBe(values.length - 1);
      expect([...kept]).toContain(spikeAt);
      for (let i = 1; i < kept.length; i++) expect(kept[i]!).toBeGreaterThan(kept[i - 1]!);
    }
  });

  it('keeps each bucket\'s lowest point too', () => {
    const dip = values.slice();
    dip[123_456] = -50;
    expect([...shapeIndices(dip, 1000)]).toContain(123_456);
  });

  it('is deterministic', () => {
    expect(shapeIndices(values, 1000)).toEqual(shapeIndices(millionWithSpike(spikeAt), 1000));
  });

  it('keeps NaN and infinite points without comparing them', () => {
    const odd = values.slice();
    odd[10] = NaN;
    odd[500_000] = Infinity;
    odd[600_000] = -Infinity;
    const kept = [...shapeIndices(odd, 1000)];
    expect(kept).toEqual(expect.arrayContaining([10, 500_000, 600_000, spikeAt]));
    // The finite spike is still the max of its bucket: Infinity elsewhere did not displace it.
    expect(kept.length).toBeLessThanOrEqual(1000 + 1 + 3);
  });

  it('returns every index when the series is no longer than n', () => {
    expect([...shapeIndices(Float64Array.from([3, 1, 2]), 3)]).toEqual([0, 1, 2]);
    expect([...shapeIndices(Float64Array.from([3, 1, 2]), 10)]).toEqual([0, 1, 2]);
  });

  it('keeps n evenly spaced points ending with the last for n < 4', () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i);
    expect([...shapeIndices(ten, 1)]).toEqual([9]);
    expect([...shapeIndices(ten, 2)]).toEqual([0, 9]);
    expect([...shapeIndices(ten, 3)]).toEqual([0, 5, 9]);
  });

  it('refuses n < 1', () => {
    expect(() => shapeIndices(values, 0)).toThrow(/at least 1, found 0/);
  });
});

describe('downsampleSeries', () => {
  it('keeps step, wall time and value together', () => {
    const value = Float64Array.from({ length: 100 }, (_, i) => (i === 37 ? 99 : i % 7));
    const series = { step: value.map((_, i) => i * 10), wallTime: value.map((_, i) => 1000 + i), value };
    const small = downsampleSeries(series, 8);
    expect(small.value.length).toBeLessThanOrEqual(9);
    const at = [...small.step].indexOf(370);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(small.value[at]).toBe(99);
    expect(small.wallTime[at]).toBe(1037);
    expect(downsampleSeries(series, undefined)).toBe(series);
    expect(downsampleSeries(series, 100)).toBe(series);
  });
});
