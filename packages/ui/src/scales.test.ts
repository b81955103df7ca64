import { describe, expect, it } from 'vitest';
import { createScale } from './scales.js';

describe('createScale', () => {
  it('maps linearly, reversed ranges included, and back', () => {
    const s = createScale('linear', [0, 10], [100, 0]);
    expect([s.map(0), s.map(2.5), s.map(5), s.map(10)]).toEqual([100, 75, 50, 0]);
    expect(s.invert(75)).toBe(2.5);
  });

  it('maps log10 evenly per decade', () => {
    const s = createScale('log', [1, 1000], [0, 300]);
    expect(s.map(10)).toBeCloseTo(100, 10);
    expect(s.map(100)).toBeCloseTo(200, 10);
    expect(s.invert(100)).toBeCloseTo(10, 10);
  });

  it('gives NaN (a gap) for zero and negative values on a log scale', () => {
    const s = createScale('log', [0.1, 10], [0, 100]);
    expect(s.map(0)).toBeNaN();
    expect(s.map(-3)).toBeNaN();
    expect(s.map(1)).toBeCloseTo(50, 10);
  });

  it('gives NaN for non-finite values', () => {
    for (const kind of ['linear', 'log', 'time'] as const) {
      const s = createScale(kind, [1, 2], [0, 1]);
      expect(s.map(NaN)).toBeNaN();
      expect(s.map(Infinity)).toBeNaN();
      expect(s.map(-Infinity)).toBeNaN();
    }
  });

  it('maps a zero-width domain to the middle of the range', () => {
    const s = createScale('linear', [5, 5], [0, 100]);
    expect(s.map(5)).toBe(50);
    expect(s.invert(30)).toBe(5);
    expect(createScale('log', [5, 5], [0, 100]).map(5)).toBe(50);
  });

  it('maps wall-clock seconds linearly on a time scale, and back to seconds', () => {
    const t0 = new Date(2026, 10, 23, 14, 0, 0).getTime() / 1000;
    const s = createScale('time', [t0, t0 + 3600], [0, 400]);
    expect(s.map(t0 + 900)).toBe(100);
    expect(s.invert(200)).toBe(t0 + 1800);
  });

  it('refuses a log domain not above zero and a non-finite domain, saying what it found', () => {
    expect(() => createScale('log', [0, 10], [0, 1])).toThrow("createScale('log'): expected a domain above zero, found [0, 10]");
    expect(() => createScale('linear', [0, NaN], [0, 1])).toThrow("createScale('linear'): expected a finite domain, found [0, NaN]");
    expect(() => createScale('linear', [0, 1], [0, Infinity])).toThrow('expected a finite range');
  });
});
