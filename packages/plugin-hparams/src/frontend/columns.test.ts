import { describe, expect, it } from 'vitest';
import { buildTable, compareValues, hparamId, metricId, toNumber } from './columns.js';
import { EXPERIMENT, GROUPS } from './fixtures.js';

describe('buildTable', () => {
  const table = buildTable(EXPERIMENT, GROUPS);

  it('makes a column per hyperparameter, then per metric, labelled by display name', () => {
    expect(table.columns.map((c) => c.id)).toEqual([
      'hparam:dropout',
      'hparam:lr',
      'hparam:optimizer',
      'hparam:note',
      'metric:hparam/accuracy',
      'metric:validation/epoch_loss',
    ]);
    expect(table.columns.map((c) => c.label)).toEqual(['dropout', 'learning rate', 'optimizer', 'note', 'hparam/accuracy', 'val loss']);
    expect(table.columns.map((c) => c.type)).toEqual(['number', 'number', 'string', 'string', 'number', 'number']);
  });

  it('keeps a discrete domain, the seen strings of a string column, and none for an interval', () => {
    const [dropout, lr, optimizer, note] = table.columns;
    expect(dropout!.values).toBeNull();
    expect(lr!.values).toEqual([0.001, 0.01, 0.1]);
    expect(optimizer!.values).toEqual(['adam', 'sgd']);
    expect(note!.values).toEqual(['Base v2', 'base', 'wide, "deep"', 'x']);
  });

  it('fills each row from the group, null where a value is missing, NaN from "NaN"', () => {
    expect(table.rows.map((r) => r.name)).toEqual(GROUPS.map((g) => g.name));
    expect(table.rows[0]!.cells).toEqual([0.1, 0.001, 'adam', 'base', 0.8, 1.12]);
    expect(table.rows[2]!.cells[3]).toBeNull();
    expect(table.rows[3]!.cells[4]).toBeNull();
    expect(table.rows[4]!.cells[4]).toBeNaN();
    expect(table.rows[2]!.status).toBe('STATUS_FAILURE');
  });

  it('names a row MIXED when its sessions differ in status', () => {
    const g = GROUPS[0]!;
    const mixed = { ...g, sessions: [g.sessions[0]!, { ...g.sessions[0]!, name: 'other', status: 'STATUS_RUNNING' as const }] };
    expect(buildTable(EXPERIMENT, [mixed]).rows[0]!.status).toBe('MIXED');
  });

  it('infers an unset type from the values', () => {
    const exp = { ...EXPERIMENT, hparamInfos: [{ name: 'flag', displayName: '', description: '', type: 'DATA_TYPE_UNSET' as const, differs: true }] };
    const t = buildTable(exp, [{ ...GROUPS[0]!, hparams: { flag: true } }]);
    expect(t.columns[0]!.type).toBe('bool');
    expect(t.columns[0]!.values).toEqual([false, true]);
  });
});

describe('ids and values', () => {
  it('ids name the metric group only when there is one', () => {
    expect(metricId({ group: '', tag: 'loss' })).toBe('metric:loss');
    expect(metricId({ group: 'validation', tag: 'loss' })).toBe('metric:validation/loss');
    expect(hparamId('lr')).toBe('hparam:lr');
  });

  it('reads proto3 JSON doubles', () => {
    expect(toNumber('Infinity')).toBe(Infinity);
    expect(toNumber('-Infinity')).toBe(-Infinity);
    expect(toNumber('NaN')).toBeNaN();
    expect(toNumber(0.5)).toBe(0.5);
  });

  it('orders numbers, then strings, then booleans', () => {
    expect([true, 'b', 2, 'a', false, 1].sort(compareValues)).toEqual([1, 2, 'a', 'b', false, true]);
  });
});
