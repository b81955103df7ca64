import { describe, expect, it } from 'vitest';
import { buildTable } from './columns.js';
import { filterChecks, filterKindOf, filterTest, isActive, passesChecks } from './filters.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';

const { columns, rows } = buildTable(EXPERIMENT, GROUPS);
const col = (id: string) => columns.find((c) => c.id === id)!;

describe('filters', () => {
  it('offers a value set for discrete columns, an interval for numbers, a regex for free strings', () => {
    expect(filterKindOf(col('hparam:lr'))).toBe('set');
    expect(filterKindOf(col('hparam:optimizer'))).toBe('set');
    expect(filterKindOf(col('hparam:dropout'))).toBe('interval');
    expect(filterKindOf(col('metric:hparam/accuracy'))).toBe('interval');
    expect(filterKindOf({ ...col('hparam:note'), values: null })).toBe('regex');
  });

  it('an interval keeps its ends, either end may be open, NaN and missing never pass', () => {
    const t = filterTest({ kind: 'interval', min: 0.8, max: null });
    expect([0.79, 0.8, 0.87, Infinity].map(t)).toEqual([false, true, true, true]);
    expect(t(NaN)).toBe(false);
    expect(t(null)).toBe(false);
    expect(filterTest({ kind: 'interval', min: null, max: 0.8 })(0.8)).toBe(true);
  });

  it('a set keeps its values (numbers by value)', () => {
    const t = filterTest({ kind: 'set', values: [0.01, 'adam', false] });
    expect([0.01, 0.001, 'adam', 'sgd', false, true, null].map(t)).toEqual([true, false, true, false, true, false, false]);
  });

  it('a regex matches anywhere, ignoring case, in linear time', () => {
    const t = filterTest({ kind: 'regex', pattern: '^base' });
    expect(['base', 'Base v2', 'x', null].map(t)).toEqual([true, true, false, false]);
    // An invalid pattern filters nothing out (the input shows the error).
    expect(filterTest({ kind: 'regex', pattern: '(' })('x')).toBe(true);
  });

  it('is inactive when it leaves nothing out', () => {
    expect(isActive(undefined)).toBe(false);
    expect(isActive({ kind: 'interval', min: null, max: null })).toBe(false);
    expect(isActive({ kind: 'regex', pattern: '' })).toBe(false);
    expect(isActive({ kind: 'set', values: [0.001, 0.01, 0.1] }, col('hparam:lr'))).toBe(false);
    expect(isActive({ kind: 'set', values: [0.01] }, col('hparam:lr'))).toBe(true);
  });

  it('combines the filters of several columns', () => {
    const checks = filterChecks(columns, {
      'hparam:optimizer': { kind: 'set', values: ['adam'] },
      'metric:validation/epoch_loss': { kind: 'interval', min: null, max: 1.05 },
      'hparam:gone': { kind: 'regex', pattern: 'x' },
    });
    expect(checks).toHaveLength(2);
    expect(rows.filter((r) => passesChecks(r.cells, checks)).map((r) => r.name)).toEqual(['tuning/run-01', 'tuning/run-04']);
  });
});
