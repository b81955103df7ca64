import type { SessionStartInfoMessage } from '@tb/core/plugin';
import { describe, expect, it } from 'vitest';
import type { ListSessionGroupsRequest, SessionGroup } from './api-types.js';
import { parseRequest, sessionGroupsRequest } from './request.js';
import { listSessionGroups } from './session-groups.js';
import { createSessionIndex, type LastScalar, type SessionRecord } from './session-index.js';

type Value = number | string | boolean;
const value = (v: Value) =>
  typeof v === 'number' ? { kind: 'numberValue' as const, numberValue: v } : typeof v === 'string' ? { kind: 'stringValue' as const, stringValue: v } : { kind: 'boolValue' as const, boolValue: v };
const start = (hparams: Record<string, Value>, groupName = '', monitorUrl = ''): SessionStartInfoMessage => ({
  hparams: Object.fromEntries(Object.entries(hparams).map(([k, v]) => [k, value(v)])),
  modelUri: '',
  monitorUrl,
  groupName,
  startTimeSecs: 1000,
});
const SUCCESS = 1;
const FAILURE = 2;
const RUNNING = 3;
const record = (name: string, s: SessionStartInfoMessage, status: number | null): SessionRecord => ({ name, start: s, end: status === null ? null : { status, endTimeSecs: 2000 } });

// Group g1 has three repeats (s2 first in run order); s4 and s5 are groups of their own.
const records = [
  record('s2', start({ lr: 0.1, opt: 'adam', bn: true }, 'g1', 'http://s2'), SUCCESS),
  record('s1', start({ lr: 0.1, opt: 'adam', bn: true }, 'g1', 'http://s1'), SUCCESS),
  record('s3', start({ lr: 0.1, opt: 'adam', bn: true }, 'g1'), FAILURE),
  record('s4', start({ lr: 0.01, opt: 'sgd', nan: NaN }), RUNNING),
  record('s5', start({ lr: 1, opt: 'sgd2', bn: false }), null),
];
const points: Record<string, { step: number; wallTime: number; value: number }> = {
  's1/acc': { step: 10, wallTime: 100, value: 0.5 },
  's2/acc': { step: 20, wallTime: 200, value: 0.7 },
  's3/acc': { step: 31, wallTime: 300, value: 0.9 },
  's4/acc': { step: 5, wallTime: 50, value: 0.6 },
  's1/eval/loss': { step: 10, wallTime: 101, value: 1 },
  's3/eval/loss': { step: 30, wallTime: 301, value: 0.25 },
};
const last: LastScalar = (run, tag) => points[`${run}/${tag}`];
const scalarTags = new Map<string, string[]>();
for (const key of Object.keys(points)) {
  const i = key.lastIndexOf('/');
  scalarTags.set(key.slice(0, i), [...(scalarTags.get(key.slice(0, i)) ?? []), key.slice(i + 1)]);
}
const index = createSessionIndex({ config: null, sessions: records, scalarTags }, records, last);

const ALL = ['STATUS_UNKNOWN', 'STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING'] as const;
const ACC = { group: '', tag: 'acc' };
const LOSS = { group: 'eval', tag: 'loss' };
const list = (r: ListSessionGroupsRequest) => listSessionGroups(index, parseRequest(JSON.stringify({ allowedStatuses: ALL, sliceSize: 100, ...r }), sessionGroupsRequest, 'ListSessionGroupsRequest'));
const names = (r: ListSessionGroupsRequest) => list(r).sessionGroups.map((g) => g.name);
const metric = (g: SessionGroup, tag: string) => g.metricValues.find((m) => m.name.tag === tag);

describe('groups', () => {
  it('groups sessions by group name (their own name when empty), sorted by name, with the first session hparams and monitor URL', () => {
    const { sessionGroups, totalSize } = list({});
    expect(totalSize).toBe(3);
    expect(sessionGroups.map((g) => [g.name, g.sessions.map((s) => s.name), g.monitorUrl])).toEqual([
      ['g1', ['s1', 's2', 's3'], 'http://s2'],
      ['s4', ['s4'], ''],
      ['s5', ['s5'], ''],
    ]);
    // NaN cannot be written as JSON: TensorBoard leaves such a value out.
    expect(sessionGroups[1]!.hparams).toEqual({ lr: 0.01, opt: 'sgd' });
  });

  it('writes each session as TensorBoard does: status names, 0 for an end not written, metrics in experiment order', () => {
    const g1 = list({}).sessionGroups[0]!;
    expect(g1.sessions[0]).toEqual({
      name: 's1',
      startTimeSecs: 1000,
      endTimeSecs: 2000,
      status: 'STATUS_SUCCESS',
      modelUri: '',
      metricValues: [
        { name: ACC, value: 0.5, trainingStep: 10, wallTimeSecs: 100 },
        { name: LOSS, value: 1, trainingStep: 10, wallTimeSecs: 101 },
      ],
      monitorUrl: 'http://s1',
    });
    const s5 = list({}).sessionGroups[2]!.sessions[0]!;
    expect([s5.status, s5.endTimeSecs, s5.metricValues]).toEqual(['STATUS_UNKNOWN', 0, []]);
  });

  it('keeps only sessions whose status is allowed; none when the list is empty', () => {
    expect(names({ allowedStatuses: ['STATUS_SUCCESS', 'STATUS_RUNNING'] })).toEqual(['g1', 's4']);
    expect(list({ allowedStatuses: ['STATUS_SUCCESS'] }).sessionGroups[0]!.sessions.map((s) => s.name)).toEqual(['s1', 's2']);
    expect(list({ allowedStatuses: [] })).toEqual({ sessionGroups: [], totalSize: 0 });
  });

  it('leaves metrics out when includeMetrics is false', () => {
    const groups = list({ includeMetrics: false }).sessionGroups;
    expect(groups.flatMap((g) => [...g.metricValues, ...g.sessions.flatMap((s) => s.metricValues)])).toEqual([]);
  });
});

describe('aggregation of repeated sessions', () => {
  const g1 = (r: ListSessionGroupsRequest) => list(r).sessionGroups[0]!;

  it('averages each metric over the sessions that have it, steps floored (the default)', () => {
    for (const aggregationType of [undefined, 'AGGREGATION_AVG', 'AGGREGATION_UNSET'] as const) {
      const g = g1(aggregationType ? { aggregationType } : {});
      expect(metric(g, 'acc')).toEqual({ name: ACC, value: (0.5 + 0.7 + 0.9) / 3, trainingStep: 20, wallTimeSecs: 200 });
      expect(metric(g, 'loss')).toEqual({ name: LOSS, value: 0.625, trainingStep: 20, wallTimeSecs: 201 });
    }
  });

  it('takes every metric of the session with the least, greatest or median aggregation metric', () => {
    expect(g1({ aggregationType: 'AGGREGATION_MIN', aggregationMetric: ACC }).metricValues).toEqual(list({}).sessionGroups[0]!.sessions[0]!.metricValues);
    expect(metric(g1({ aggregationType: 'AGGREGATION_MAX', aggregationMetric: ACC }), 'loss')?.value).toBe(0.25);
    expect(metric(g1({ aggregationType: 'AGGREGATION_MEDIAN', aggregationMetric: ACC }), 'acc')?.value).toBe(0.7);
    // The lower middle of an even count.
    expect(metric(g1({ aggregationType: 'AGGREGATION_MEDIAN', aggregationMetric: ACC, allowedStatuses: ['STATUS_SUCCESS'] }), 'acc')?.value).toBe(0.5);
    // Only sessions that have the metric take part: s2 has no loss.
    expect(metric(g1({ aggregationType: 'AGGREGATION_MIN', aggregationMetric: LOSS }), 'acc')?.value).toBe(0.9);
  });

  it('asks for the metric with min, max and median', () => {
    expect(() => list({ aggregationType: 'AGGREGATION_MAX' })).toThrow(/aggregationMetric: expected the metric/);
  });
});

describe('filters', () => {
  it('keeps string values with a match of the regex anywhere in them', () => {
    expect(names({ colParams: [{ hparam: 'opt', filterRegexp: 'gd' }] })).toEqual(['s4', 's5']);
    expect(names({ colParams: [{ hparam: 'opt', filterRegexp: '^sgd$' }] })).toEqual(['s4']);
  });

  it('keeps numbers in the closed interval, on hparams and on aggregated metrics', () => {
    expect(names({ colParams: [{ hparam: 'lr', filterInterval: { minValue: 0.01, maxValue: 0.1 } }] })).toEqual(['g1', 's4']);
    // s5 has no acc: a missing value passes unless excluded.
    expect(names({ colParams: [{ metric: ACC, filterInterval: { minValue: 0.65, maxValue: 1 } }] })).toEqual(['g1', 's5']);
    expect(names({ colParams: [{ metric: ACC, filterInterval: { minValue: 0.65, maxValue: 1 }, excludeMissingValues: true }] })).toEqual(['g1']);
  });

  it('keeps values in the discrete set (true equals 1, as in Python)', () => {
    expect(names({ colParams: [{ hparam: 'bn', filterDiscrete: [true] }] })).toEqual(['g1', 's4']);
    expect(names({ colParams: [{ hparam: 'bn', filterDiscrete: [1], excludeMissingValues: true }] })).toEqual(['g1']);
    expect(names({ colParams: [{ hparam: 'opt', filterDiscrete: ['sgd', 'sgd2'] }] })).toEqual(['s4', 's5']);
  });

  it('drops groups missing a column with excludeMissingValues alone, and applies every filter', () => {
    expect(names({ colParams: [{ hparam: 'bn', excludeMissingValues: true }] })).toEqual(['g1', 's5']);
    expect(names({ colParams: [{ hparam: 'opt', filterRegexp: 'sgd' }, { hparam: 'bn', excludeMissingValues: true }] })).toEqual(['s5']);
  });

  it('refuses a regex on numbers and an interval on strings, as TensorBoard does', () => {
    expect(() => list({ colParams: [{ hparam: 'lr', filterRegexp: '1' }] })).toThrow(/filterRegexp of hparam "lr" expects string values, found number 0.1/);
    expect(() => list({ colParams: [{ hparam: 'opt', filterInterval: { minValue: 0, maxValue: 1 } }] })).toThrow(/filterInterval of hparam "opt" expects numeric values/);
  });
});

describe('sorting', () => {
  it('sorts by a column ascending or descending, ties and unsorted by group name', () => {
    expect(names({ colParams: [{ hparam: 'lr', order: 'ORDER_ASC' }] })).toEqual(['s4', 'g1', 's5']);
    expect(names({ colParams: [{ hparam: 'lr', order: 'ORDER_DESC' }] })).toEqual(['s5', 'g1', 's4']);
    expect(names({ colParams: [{ hparam: 'lr' }, { hparam: 'opt', order: 'ORDER_UNSPECIFIED' }] })).toEqual(['g1', 's4', 's5']);
  });

  it('puts missing values last, or first with missingValuesFirst, in either order', () => {
    expect(names({ colParams: [{ metric: ACC, order: 'ORDER_DESC' }] })).toEqual(['g1', 's4', 's5']);
    expect(names({ colParams: [{ metric: ACC, order: 'ORDER_ASC' }] })).toEqual(['s4', 'g1', 's5']);
    expect(names({ colParams: [{ metric: ACC, order: 'ORDER_DESC', missingValuesFirst: true }] })).toEqual(['s5', 'g1', 's4']);
    expect(names({ colParams: [{ hparam: 'bn', order: 'ORDER_ASC', missingValuesFirst: true }] })).toEqual(['s4', 's5', 'g1']);
  });

  it('uses the first sorted column as the primary key', () => {
    const colParams = [{ hparam: 'opt', order: 'ORDER_DESC' as const }, { hparam: 'lr', order: 'ORDER_ASC' as const }];
    expect(names({ colParams })).toEqual(['s5', 's4', 'g1']);
    expect(names({ colParams: [{ hparam: 'bn', order: 'ORDER_DESC' }, { metric: ACC, order: 'ORDER_ASC' }] })).toEqual(['g1', 's5', 's4']);
  });
});

describe('paging and hparams in the answer', () => {
  it('returns [startIndex, startIndex + sliceSize) with the total that passed the filters', () => {
    expect(list({ startIndex: 1, sliceSize: 1 })).toMatchObject({ sessionGroups: [{ name: 's4' }], totalSize: 3 });
    expect(list({ startIndex: 2, sliceSize: 5 }).sessionGroups.map((g) => g.name)).toEqual(['s5']);
    expect(list({ startIndex: 5, sliceSize: 5 })).toEqual({ sessionGroups: [], totalSize: 3 });
    // Without sliceSize (0 by proto3's default), no groups, as in TensorBoard.
    expect(list({ sliceSize: undefined })).toEqual({ sessionGroups: [], totalSize: 3 });
  });

  it('keeps only the hparams of columns not marked includeInResult: false, once some column says', () => {
    const groups = list({ colParams: [{ hparam: 'lr', includeInResult: true }, { hparam: 'opt' }, { hparam: 'bn', includeInResult: false }] }).sessionGroups;
    expect(groups[0]!.hparams).toEqual({ lr: 0.1, opt: 'adam' });
  });
});
