import { describe, expect, it } from 'vitest';
import { parseScalar, seriesByRun, seriesFromRows } from './series.js';

describe('parseScalar', () => {
  it('reads numbers and the strings TensorBoard uses for special values', () => {
    expect(parseScalar(1.5)).toBe(1.5);
    expect(parseScalar('NaN')).toBeNaN();
    expect(parseScalar('Infinity')).toBe(Infinity);
    expect(parseScalar('-Infinity')).toBe(-Infinity);
    expect(parseScalar(null)).toBeNaN();
  });
});

describe('seriesFromRows', () => {
  it('splits rows into Float64Array columns', () => {
    const s = seriesFromRows([
      [100.5, 0, 1],
      [101, 1, 'NaN'],
      [102, 2, '-Infinity'],
    ]);
    expect(s.wall).toBeInstanceOf(Float64Array);
    expect([...s.wall]).toEqual([100.5, 101, 102]);
    expect([...s.step]).toEqual([0, 1, 2]);
    expect(s.value[0]).toBe(1);
    expect(s.value[1]).toBeNaN();
    expect(s.value[2]).toBe(-Infinity);
  });

  it('says what it expected for a non-list', () => {
    expect(() => seriesFromRows({})).toThrow(/expected a list/);
  });
});

describe('seriesByRun', () => {
  it('parses a multirun answer per run', () => {
    const m = seriesByRun({ a: [[1, 0, 2]], 'b/c': [] });
    expect([...m.keys()]).toEqual(['a', 'b/c']);
    expect(m.get('b/c')!.step.length).toBe(0);
  });
});
