import { describe, expect, it } from 'vitest';
import { axisScale, canUseLog } from './axis-scale.js';
import type { Column } from './columns.js';

const num = (id: string, values: Column['values'] = null): Column => ({ id, kind: 'hparam', label: id, description: '', type: 'number', hparam: id, values });
const str = (id: string, values: Column['values']): Column => ({ id, kind: 'hparam', label: id, description: '', type: 'string', hparam: id, values });

describe('axisScale', () => {
  it('fits a linear axis to the values, the largest at the top', () => {
    const s = axisScale(num('units'), [32, 64, 128, null], [200, 0], false);
    expect(s.kind).toBe('linear');
    expect(s.position(32)).toBe(200);
    expect(s.position(128)).toBe(0);
    expect(s.position(80)).toBeCloseTo(100);
    expect(s.position(null)).toBeNaN();
    expect(s.domain).toEqual([32, 128]);
  });

  it('puts decades evenly apart on a log axis', () => {
    const s = axisScale(num('lr'), [0.001, 0.01, 0.1], [200, 0], true);
    expect(s.kind).toBe('log');
    expect(s.position(0.001)).toBeCloseTo(200);
    expect(s.position(0.01)).toBeCloseTo(100);
    expect(s.position(0.1)).toBeCloseTo(0);
    expect(s.invert(100)).toBeCloseTo(0.01);
    const labels = s.ticks().map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(['0.001', '0.01', '0.1']));
    expect(labels.every((l) => /^0\.0*[125]$/.test(l))).toBe(true);
  });

  it('stays linear when a value is not above zero, and says log cannot be used', () => {
    expect(canUseLog([0.1, 0, 1])).toBe(false);
    expect(canUseLog([0.1, null, NaN, 1])).toBe(true);
    expect(canUseLog([null, 'a'])).toBe(false);
    expect(axisScale(num('x'), [0, 1], [100, 0], true).kind).toBe('linear');
  });

  it('spans the discrete domain as well as the values', () => {
    const s = axisScale(num('lr', [0.001, 0.1]), [0.01], [100, 0], false);
    expect(s.domain).toEqual([0.001, 0.1]);
  });

  it('puts one value in the middle with one tick', () => {
    const s = axisScale(num('x'), [5, 5], [100, 0], false);
    expect(s.position(5)).toBe(50);
    expect(s.ticks()).toEqual([{ px: 50, label: '5' }]);
  });

  it('spaces categories evenly in the domain order, unknown values after', () => {
    const s = axisScale(str('opt', ['adam', 'sgd']), ['sgd', 'rmsprop', null], [300, 0], false);
    expect(s.kind).toBe('category');
    expect(s.categories).toEqual(['adam', 'sgd', 'rmsprop']);
    expect(s.position('adam')).toBe(250);
    expect(s.position('sgd')).toBe(150);
    expect(s.position('rmsprop')).toBe(50);
    expect(s.position('nope')).toBeNaN();
    expect(s.ticks().map((t) => t.label)).toEqual(['adam', 'sgd', 'rmsprop']);
  });

  it('labels only some of many categories', () => {
    const many = Array.from({ length: 40 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const s = axisScale(str('v', many), [], [200, 0], false);
    const ticks = s.ticks();
    expect(ticks.length).toBeLessThan(40);
    expect(ticks.length).toBeGreaterThan(5);
    for (let i = 1; i < ticks.length; i++) expect(Math.abs(ticks[i]!.px - ticks[i - 1]!.px)).toBeGreaterThanOrEqual(14);
  });
});
