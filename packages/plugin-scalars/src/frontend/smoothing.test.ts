import { describe, expect, it } from 'vitest';
import { segmentStarts } from './segments.js';
import { emaSmooth, smaSmooth, smaWindow, smooth } from './smoothing.js';

/** The formula, written out plainly, as the reference. */
function reference(values: number[], w: number): number[] {
  let last = 0;
  let n = 0;
  return values.map((y) => {
    if (!Number.isFinite(y)) return y;
    last = last * w + (1 - w) * y;
    n++;
    return last / (1 - w ** n);
  });
}

describe('emaSmooth', () => {
  it('matches the debiased EMA formula on a known series', () => {
    const ys = [1, 3, 2, 5, 4, 4, 0, 10];
    for (const w of [0.1, 0.6, 0.9, 0.999]) {
      const got = emaSmooth(Float64Array.from(ys), w);
      reference(ys, w).forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    }
  });

  it('returns the first value at n = 1 (debiasing)', () => {
    expect(emaSmooth(Float64Array.of(7.25, 0), 0.99)[0]).toBeCloseTo(7.25, 12);
  });

  it('keeps a constant series exactly constant', () => {
    const out = emaSmooth(new Float64Array(1000).fill(0.1), 0.95);
    expect(out.every((v) => v === 0.1)).toBe(true);
  });

  it('passes NaN and infinities through without feeding them into the average', () => {
    const out = emaSmooth(Float64Array.of(2, NaN, Infinity, 4), 0.5);
    expect(out[0]).toBe(2);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(Infinity);
    // The 4 is the second finite point: n = 2.
    expect(out[3]).toBeCloseTo(reference([2, 4], 0.5)[1]!, 12);
  });

  it('is the identity at w = 0', () => {
    const ys = Float64Array.of(3, -1, NaN, 8);
    const out = emaSmooth(ys, 0);
    expect(out).not.toBe(ys);
    expect([...out]).toEqual([...ys]);
  });
});

describe('smaWindow', () => {
  it('matches the EMA lag', () => {
    expect(smaWindow(0)).toBe(1);
    expect(smaWindow(0.6)).toBe(4);
    expect(smaWindow(0.9)).toBe(19);
    expect(smaWindow(0.99)).toBe(199);
  });
});

describe('smaSmooth', () => {
  it('averages the trailing window, shorter at the start', () => {
    expect([...smaSmooth(Float64Array.of(1, 2, 3, 4, 5), 3)]).toEqual([1, 1.5, 2, 3, 4]);
  });

  it('skips non-finite points (passed through, not counted)', () => {
    const out = smaSmooth(Float64Array.of(1, NaN, 3, -Infinity, 5), 2);
    expect(out[0]).toBe(1);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(2);
    expect(out[3]).toBe(-Infinity);
    expect(out[4]).toBe(4);
  });

  it('keeps a constant series constant', () => {
    const out = smaSmooth(new Float64Array(50).fill(3), 7);
    expect(out.every((v) => v === 3)).toBe(true);
  });

  it('is the identity for a window of 1', () => {
    expect([...smaSmooth(Float64Array.of(4, 1), 1)]).toEqual([4, 1]);
  });
});

describe('smooth', () => {
  it('dispatches on the method', () => {
    const ys = Float64Array.of(1, 2, 3, 4);
    expect([...smooth(ys, 'sma', 0.6)]).toEqual([...smaSmooth(ys, 4)]);
    expect([...smooth(ys, 'ema', 0.6)]).toEqual([...emaSmooth(ys, 0.6)]);
  });
});

describe('smooth across a restart', () => {
  const first = [4, 3, 2, 1];
  const second = [9, 8, 7];
  const values = Float64Array.from([...first, ...second]);
  const segments = segmentStarts(Float64Array.of(0, 1, 2, 3, 0, 1, 2));

  it('starts the EMA again, debiased afresh, at each segment', () => {
    const got = [...smooth(values, 'ema', 0.6, segments)];
    const want = [...reference(first, 0.6), ...reference(second, 0.6)];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
    expect(got[4]).toBeCloseTo(9, 12);
  });

  it('starts the moving average again too', () => {
    const got = [...smooth(values, 'sma', 0.6, segments)];
    expect(got.slice(4)).toEqual([...smaSmooth(Float64Array.from(second), smaWindow(0.6))]);
  });

  it('is the plain EMA for one segment', () => {
    const ys = Float64Array.of(1, 5, 2, 8);
    expect([...smooth(ys, 'ema', 0.9, segmentStarts(Float64Array.of(0, 1, 2, 3)))]).toEqual([...emaSmooth(ys, 0.9)]);
  });
});
