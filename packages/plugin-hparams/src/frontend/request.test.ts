import { describe, expect, it } from 'vitest';
import { buildTable } from './columns.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';
import { downloadRoute, sessionGroupsRequest } from './request.js';
import { STATUSES } from './settings.js';

const { columns } = buildTable(EXPERIMENT, GROUPS);
const base = { statuses: STATUSES, filters: {}, brushes: {}, sort: null };

describe('sessionGroupsRequest', () => {
  it('names every column, with no filter or order when nothing is set', () => {
    const r = sessionGroupsRequest(columns, base);
    expect(r.allowedStatuses).toEqual(STATUSES);
    expect(r.colParams).toEqual([
      { hparam: 'dropout' },
      { hparam: 'lr' },
      { hparam: 'optimizer' },
      { hparam: 'note' },
      { metric: { group: '', tag: 'hparam/accuracy' } },
      { metric: { group: 'validation', tag: 'epoch_loss' } },
    ]);
  });

  it('puts the sorted column first with its order', () => {
    const r = sessionGroupsRequest(columns, { ...base, sort: { column: 'metric:hparam/accuracy', direction: 'desc' } });
    expect(r.colParams![0]).toEqual({ metric: { group: '', tag: 'hparam/accuracy' }, order: 'ORDER_DESC', missingValuesFirst: false });
  });

  it('turns filters and brushes into one filter per column', () => {
    const r = sessionGroupsRequest(columns, {
      ...base,
      filters: {
        'hparam:lr': { kind: 'set', values: [0.001, 0.01] },
        'hparam:note': { kind: 'regex', pattern: 'base' },
        'metric:hparam/accuracy': { kind: 'interval', min: 0.5, max: null },
      },
      brushes: {
        'hparam:lr': { kind: 'range', min: 0.005, max: 1 },
        'metric:hparam/accuracy': { kind: 'range', min: 0.1, max: 0.9 },
        'hparam:dropout': { kind: 'range', min: 0.15, max: 0.25 },
      },
    });
    const by = (name: string) => r.colParams!.find((c) => c.hparam === name || c.metric?.tag === name)!;
    expect(by('lr')).toMatchObject({ filterDiscrete: [0.01], excludeMissingValues: true });
    expect(by('note')).toMatchObject({ filterRegexp: '(?i)base' });
    expect(by('hparam/accuracy')).toMatchObject({ filterInterval: { minValue: 0.5, maxValue: 0.9 } });
    expect(by('dropout')).toMatchObject({ filterInterval: { minValue: 0.15, maxValue: 0.25 } });
    expect(by('optimizer')).toEqual({ hparam: 'optimizer' });
  });

  it('leaves an inactive filter out', () => {
    const r = sessionGroupsRequest(columns, { ...base, filters: { 'hparam:lr': { kind: 'set', values: [0.001, 0.01, 0.1] } } });
    expect(r.colParams!.find((c) => c.hparam === 'lr')).toEqual({ hparam: 'lr' });
  });
});

describe('downloadRoute', () => {
  it('puts format, visibility and the request in the query', () => {
    const route = downloadRoute('latex', [true, false], { allowedStatuses: ['STATUS_SUCCESS'] });
    expect(route.startsWith('download_data?')).toBe(true);
    const q = new URLSearchParams(route.slice(route.indexOf('?') + 1));
    expect(q.get('format')).toBe('latex');
    expect(JSON.parse(q.get('columnsVisibility')!)).toEqual([true, false]);
    expect(JSON.parse(q.get('request')!)).toEqual({ allowedStatuses: ['STATUS_SUCCESS'] });
  });
});
