import { describe, expect, it } from 'vitest';
import { buildTable } from './columns.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';
import { nextSort, sortRows } from './sort.js';

const { columns, rows } = buildTable(EXPERIMENT, GROUPS);
const index = (id: string) => columns.findIndex((c) => c.id === id);
const names = (list: readonly { name: string }[]) => list.map((r) => r.name.slice('tuning/'.length));

describe('sortRows', () => {
  it('sorts a metric descending with the best first, missing and NaN last', () => {
    expect(names(sortRows(rows, index('metric:hparam/accuracy'), 'desc'))).toEqual(['run-01', 'run-00', 'run-02', 'run-03', 'run-04']);
    expect(names(sortRows(rows, index('metric:hparam/accuracy'), 'asc'))).toEqual(['run-02', 'run-00', 'run-01', 'run-03', 'run-04']);
  });

  it('sorts strings by code point and breaks ties by name', () => {
    expect(names(sortRows(rows, index('hparam:optimizer'), 'asc'))).toEqual(['run-00', 'run-01', 'run-04', 'run-02', 'run-03']);
    expect(names(sortRows(rows, index('hparam:optimizer'), 'desc'))).toEqual(['run-02', 'run-03', 'run-00', 'run-01', 'run-04']);
  });

  it('keeps missing strings last both ways', () => {
    expect(names(sortRows(rows, index('hparam:note'), 'desc')).at(-1)).toBe('run-02');
    expect(names(sortRows(rows, index('hparam:note'), 'asc')).at(-1)).toBe('run-02');
  });

  it('does not change the rows it is given', () => {
    const before = names(rows);
    sortRows(rows, index('hparam:lr'), 'desc');
    expect(names(rows)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, off; another column starts ascending', () => {
    const a = nextSort(null, 'x');
    expect(a).toEqual({ column: 'x', direction: 'asc' });
    const b = nextSort(a, 'x');
    expect(b).toEqual({ column: 'x', direction: 'desc' });
    expect(nextSort(b, 'x')).toBeNull();
    expect(nextSort(b, 'y')).toEqual({ column: 'y', direction: 'asc' });
  });
});
