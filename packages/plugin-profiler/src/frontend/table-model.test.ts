import { referenceJson, referenceRequests } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import type { OperatorTable } from './api.js';
import { filterRows, nextSort, pageOf, sortRows } from './table-model.js';

const request = referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/operation/table').find(
  (r) => r.query.some(([k, v]) => k === 'run' && v === 'resnet50_num_workers_0') && r.query.some(([k, v]) => k === 'group_by' && v === 'Operation'),
)!;
const table = referenceJson('profile-kineto', request) as OperatorTable;

describe('table model on the real operator table', () => {
  it('sorts by calls, most first, and reverses', () => {
    const most = Math.max(...table.data.map((r) => r.calls));
    const least = Math.min(...table.data.map((r) => r.calls));
    const desc = sortRows(table.data, (r) => r.calls, true);
    expect(desc[0]!.calls).toBe(most);
    expect(desc.at(-1)!.calls).toBe(least);
    const asc = sortRows(table.data, (r) => r.calls, false);
    expect(asc[0]!.calls).toBe(least);
    for (let i = 1; i < desc.length; i++) expect(desc[i]!.calls).toBeLessThanOrEqual(desc[i - 1]!.calls);
  });

  it('sorts names alphabetically and keeps missing values last', () => {
    const names = sortRows(table.data, (r) => r.name, false).map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    const rows = [{ v: 2 }, { v: undefined }, { v: 5 }, { v: Number.NaN }];
    expect(sortRows(rows, (r) => r.v, true).map((r) => r.v)).toEqual([5, 2, undefined, Number.NaN]);
    expect(sortRows(rows, (r) => r.v, false).map((r) => r.v)).toEqual([2, 5, undefined, Number.NaN]);
  });

  it('filters by a case-insensitive substring', () => {
    const conv = filterRows(table.data, 'CONVOLUTION', (r) => r.name);
    expect(conv.length).toBeGreaterThan(0);
    expect(conv.length).toBeLessThan(table.data.length);
    expect(conv.every((r) => r.name.toLowerCase().includes('convolution'))).toBe(true);
    expect(filterRows(table.data, '  ', (r) => r.name)).toHaveLength(table.data.length);
  });

  it('toggles the direction on the same column, numbers start descending', () => {
    expect(nextSort(null, 'calls', true)).toEqual({ key: 'calls', descending: true });
    expect(nextSort({ key: 'calls', descending: true }, 'calls', true)).toEqual({ key: 'calls', descending: false });
    expect(nextSort({ key: 'calls', descending: true }, 'name', false)).toEqual({ key: 'name', descending: false });
  });

  it('pages and clamps', () => {
    const p = pageOf(table.data, 99, 10);
    expect(p.pages).toBe(Math.ceil(table.data.length / 10));
    expect(p.page).toBe(p.pages - 1);
    expect(p.rows).toEqual(table.data.slice((p.pages - 1) * 10));
    expect(pageOf([], 0, 10)).toEqual({ rows: [], page: 0, pages: 1 });
  });
});
