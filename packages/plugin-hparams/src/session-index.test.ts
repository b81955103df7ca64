/**
 * The index read from a DataProvider: hparams tags (encoded here by hand, as TensorBoard's
 * writers encode them) and scalars in a MemoryProvider, through the routes.
 */
import { hostPlugin, MemoryProvider } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import type { Experiment, ListSessionGroupsResponse } from './api-types.js';
import plugin from './index.js';

/** A protobuf message as bytes: fields in order, each [number, varint | double | bytes | string]. */
type Field = readonly [number, { v: number } | { d: number } | Uint8Array | string];
function msg(...fields: Field[]): Uint8Array {
  const out: number[] = [];
  const varint = (n: number) => {
    for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
    out.push(n);
  };
  for (const [no, value] of fields) {
    if (typeof value === 'string' || value instanceof Uint8Array) {
      const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      varint(no * 8 + 2);
      varint(bytes.length);
      out.push(...bytes);
    } else if ('v' in value) {
      varint(no * 8);
      varint(value.v);
    } else {
      varint(no * 8 + 1);
      out.push(...new Uint8Array(Float64Array.of(value.d).buffer));
    }
  }
  return Uint8Array.from(out);
}
const num = (x: number) => msg([2, { d: x }]);
const str = (s: string) => msg([3, s]);
const experiment = (...hparams: [string, number][]) => msg([2, msg(...hparams.map(([name, type]): Field => [4, msg([1, name], [4, { v: type }])]))]);
const sessionStart = (hparams: Record<string, Uint8Array>, groupName = '') =>
  msg([3, msg(...Object.entries(hparams).map(([k, v]): Field => [1, msg([1, k], [2, v])]), ...(groupName ? [[4, groupName] as Field] : []))]);
const sessionEnd = (status: number) => msg([4, msg([1, { v: status }], [2, { d: 99 }])]);

const point = (wallTime: number) => [{ step: 0, wallTime, value: { dtype: 'float32' as const, shape: [0], numbers: new Float64Array(0), strings: [] } }];
function hparamsTag(p: MemoryProvider, run: string, tag: string, content: Uint8Array, wallTime: number) {
  p.addTensors(run, `_hparams_/${tag}`, point(wallTime), { pluginName: 'hparams', pluginContent: content });
}
const ALL = ['STATUS_UNKNOWN', 'STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING'];
const post = async <T>(app: ReturnType<typeof hostPlugin>, route: string, body: unknown) => {
  const res = await app.request(`/data/plugin/hparams/${route}`, { method: 'POST', body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

describe('TensorFlow-style sessions: a configuration, group names, statuses, metrics in sub-runs', () => {
  const p = new MemoryProvider();
  // Two configurations: the one of the run that starts first is the experiment.
  hparamsTag(p, 'sweep', 'experiment', experiment(['lr', 3], ['opt', 1]), 10);
  hparamsTag(p, 'later', 'experiment', experiment(['other', 3]), 50);
  hparamsTag(p, 'sweep/a', 'session_start_info', sessionStart({ lr: num(0.1), opt: str('adam') }, 'g'), 11);
  hparamsTag(p, 'sweep/a', 'session_end_info', sessionEnd(1), 12);
  hparamsTag(p, 'sweep/b', 'session_start_info', sessionStart({ lr: num(0.1), opt: str('adam') }, 'g'), 13);
  hparamsTag(p, 'sweep/b', 'session_end_info', sessionEnd(2), 14);
  hparamsTag(p, 'sweep/c', 'session_start_info', sessionStart({ lr: num(0.5), opt: str('sgd') }), 15);
  p.addScalars('sweep/a/validation', 'loss', [{ step: 1, wallTime: 12, value: 0.5 }, { step: 2, wallTime: 13, value: 0.25 }]);
  p.addScalars('sweep/b/validation', 'loss', [{ step: 4, wallTime: 14, value: 0.75 }]);
  const app = hostPlugin(plugin, p);

  it('serves the first configuration in run order', async () => {
    const e = await post<Experiment>(app, 'experiment', {});
    expect(e.hparamInfos.map((h) => [h.name, h.type])).toEqual([['lr', 'DATA_TYPE_FLOAT64'], ['opt', 'DATA_TYPE_STRING']]);
    expect(e.metricInfos).toEqual([]);
  });

  it('groups by group name with each status, metrics from the configuration only', async () => {
    const res = await post<ListSessionGroupsResponse>(app, 'session_groups', { allowedStatuses: ALL, sliceSize: 10 });
    expect(res.sessionGroups.map((g) => [g.name, g.sessions.map((s) => [s.name, s.status, s.endTimeSecs])])).toEqual([
      ['g', [['sweep/a', 'STATUS_SUCCESS', 99], ['sweep/b', 'STATUS_FAILURE', 99]]],
      ['sweep/c', [['sweep/c', 'STATUS_UNKNOWN', 0]]],
    ]);
    expect(res.sessionGroups[0]!.metricValues).toEqual([]);
    expect((await post<ListSessionGroupsResponse>(app, 'session_groups', { allowedStatuses: ['STATUS_FAILURE'], sliceSize: 10 })).sessionGroups.map((g) => g.name)).toEqual(['g']);
  });

  it('reads a metric in a sub-run: the last point of <session>/<group>', async () => {
    const evals = await post<unknown[]>(app, 'metric_evals', { sessionName: 'sweep/a', metricName: { group: 'validation', tag: 'loss' } });
    expect(evals).toEqual([
      [12, 1, 0.5],
      [13, 2, 0.25],
    ]);
  });
});

it('infers the experiment when no configuration was written: hparams from the sessions, metrics from their scalars', async () => {
  const p = new MemoryProvider();
  hparamsTag(p, 's1', 'session_start_info', sessionStart({ lr: num(0.1), opt: str('adam') }), 1);
  hparamsTag(p, 's2', 'session_start_info', sessionStart({ lr: num(0.01), opt: str('adam') }), 2);
  p.addScalars('s1', 'acc', [{ step: 3, wallTime: 5, value: 0.9 }]);
  p.addScalars('s2/validation', 'loss', [{ step: 7, wallTime: 6, value: 0.4 }]);
  p.addScalars('unrelated', 'loss', [{ step: 1, wallTime: 1, value: 1 }]);
  const app = hostPlugin(plugin, p);
  const e = await post<Experiment>(app, 'experiment', {});
  expect(e.hparamInfos).toEqual([
    { name: 'lr', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', domainInterval: { minValue: 0.01, maxValue: 0.1 }, differs: true },
    { name: 'opt', displayName: '', description: '', type: 'DATA_TYPE_STRING', domainDiscrete: ['adam'], differs: false },
  ]);
  expect(e.metricInfos.map((m) => m.name)).toEqual([
    { group: '', tag: 'acc' },
    { group: 'validation', tag: 'loss' },
  ]);
  const res = await post<ListSessionGroupsResponse>(app, 'session_groups', { allowedStatuses: ALL, sliceSize: 10 });
  expect(res.sessionGroups.map((g) => g.metricValues.map((m) => [m.name.tag, m.value, m.trainingStep]))).toEqual([[['acc', 0.9, 3]], [['loss', 0.4, 7]]]);
});

it('answers 400 naming the run and tag of content it cannot read', async () => {
  const p = new MemoryProvider();
  hparamsTag(p, 'bad', 'session_start_info', Uint8Array.of(0x08, 0x07, 0x1a, 0x00), 1);
  const res = await hostPlugin(plugin, p).request('/data/plugin/hparams/session_groups', { method: 'POST', body: '{}' });
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('run \\"bad\\", tag _hparams_/session_start_info: only hparams plugin_data version 0 is supported, found version 7');
});
