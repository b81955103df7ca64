import { NotFoundError } from '@tb/core/plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeries, seriesJson } from './series.js';
import { type LoadedLogRoot, corpusPath, loadLogRoot } from '@tb/core/testing';

describe('readSeries and seriesJson on the edge corpus', () => {
  let mux: LoadedLogRoot;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('edge'));
  });
  afterAll(() => mux.close());

  it('writes NaN and infinities as strings and -0 as -0.0, as TensorBoard does', () => {
    const json = seriesJson(readSeries(mux.provider, 'special_values', 'special'));
    expect(json).toMatch(/^\[\[\d+\.\d+, 0, "NaN"\], \[\d+\.\d+, 1, "Infinity"\], \[\d+\.\d+, 2, "-Infinity"\], \[\d+\.\d+, 3, 0\.0\]/);
    expect(json).toContain(', 5, -0.0]');
    expect(json).toContain(', 6, 1.401298464324817e-45]');
    expect(Object.is((JSON.parse(json) as number[][])[5]![2], -0)).toBe(true);
  });

  it('keeps every point, in the order written', () => {
    expect(readSeries(mux.provider, 'killed_writer', 'loss').step.length).toBeGreaterThan(1000);
    expect([...readSeries(mux.provider, 'special_values', 'out_of_order').step]).toEqual([10, 5, 20, 15]);
  });

  it('names an unknown run and the runs that exist', () => {
    expect(() => readSeries(mux.provider, 'nope', 'loss')).toThrow(NotFoundError);
    expect(() => readSeries(mux.provider, 'nope', 'loss')).toThrow(/no scalars for run "nope": expected one of the runs with scalars, ".*" and \d+ more/);
  });

  it('names an unknown tag and the run\'s tags', () => {
    expect(() => readSeries(mux.provider, 'special_values', 'nope')).toThrow(
      'run "special_values" has no scalar tag "nope": its tags are "special", "dup_steps", "odd_steps", "out_of_order"',
    );
  });
});
