import { describe, expect, it } from 'vitest';
import { axisScale } from './axis-scale.js';
import { brushFromExtent, brushTest, extentOfBrush } from './brush.js';
import type { Column } from './columns.js';

const num: Column = { id: 'lr', kind: 'hparam', label: 'lr', description: '', type: 'number', hparam: 'lr', values: null };
const str: Column = { id: 'opt', kind: 'hparam', label: 'opt', description: '', type: 'string', hparam: 'opt', values: ['adam', 'rmsprop', 'sgd'] };

describe('brushes', () => {
  const linear = axisScale(num, [0, 1], [100, 0], false);

  it('turns a pixel extent into a data interval, whichever way it was dragged', () => {
    expect(brushFromExtent(linear, [20, 60])).toEqual({ kind: 'range', min: expect.closeTo(0.4), max: expect.closeTo(0.8) });
    expect(brushFromExtent(linear, [60, 20])).toEqual(brushFromExtent(linear, [20, 60]));
  });

  it('takes the exact end of the domain at the end of the axis', () => {
    const lr = axisScale(num, [0.001, 0.01], [200, 0], false);
    expect(brushFromExtent(lr, [0, 100])).toEqual({ kind: 'range', min: expect.closeTo(0.0055), max: 0.01 });
    expect(brushFromExtent(lr, [150, 200.4])).toMatchObject({ min: 0.001 });
    expect(brushTest(brushFromExtent(lr, [0, 100])!)(0.01)).toBe(true);
  });

  it('is null for an empty extent (a click clears the brush)', () => {
    expect(brushFromExtent(linear, [30, 30])).toBeNull();
  });

  it('brushes a log axis in data units, and shows the brush where its values are', () => {
    const log = axisScale(num, [0.001, 0.1], [200, 0], true);
    const b = brushFromExtent(log, [0, 100])!;
    expect(b).toEqual({ kind: 'range', min: expect.closeTo(0.01), max: 0.1 });
    expect(extentOfBrush(log, b)).toEqual([0, expect.closeTo(100)]);
    // The same brush on the linear axis covers the values 0.01..0.1.
    const lin = axisScale(num, [0.001, 0.1], [200, 0], false);
    const [lo, hi] = extentOfBrush(lin, b)!;
    expect(lo).toBeCloseTo(0);
    expect(hi).toBeCloseTo(lin.position(0.01));
  });

  it('clamps a brush reaching past the axis to its ends', () => {
    expect(extentOfBrush(linear, { kind: 'range', min: -5, max: 0.5 })).toEqual([50, 100]);
    expect(extentOfBrush(linear, { kind: 'range', min: 2, max: 3 })).toBeNull();
  });

  it('selects the categories inside the extent on a category axis', () => {
    const cat = axisScale(str, [], [300, 0], false);
    // adam at 250, rmsprop at 150, sgd at 50.
    expect(brushFromExtent(cat, [100, 290])).toEqual({ kind: 'values', values: ['adam', 'rmsprop'] });
    expect(brushFromExtent(cat, [160, 240])).toEqual({ kind: 'values', values: [] });
    expect(extentOfBrush(cat, { kind: 'values', values: ['adam', 'rmsprop'] })).toEqual([142, 258]);
    expect(extentOfBrush(cat, { kind: 'values', values: [] })).toBeNull();
    expect(extentOfBrush(cat, { kind: 'range', min: 0, max: 1 })).toBeNull();
  });

  it('tests cells: numbers in the closed interval, listed values; missing never', () => {
    const range = brushTest({ kind: 'range', min: 0.01, max: 0.1 });
    expect([0.001, 0.01, 0.05, 0.1, 0.2, NaN, null, '0.05'].map(range)).toEqual([false, true, true, true, false, false, false, false]);
    const values = brushTest({ kind: 'values', values: ['adam', true] });
    expect(['adam', 'sgd', true, false, null].map(values)).toEqual([true, false, true, false, false]);
  });
});
