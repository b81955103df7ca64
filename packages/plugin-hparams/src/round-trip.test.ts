/**
 * @tb/writer's addHparams, a few sessions, read back through the routes as tb-core serves
 * them: the experiment it wrote, one group per session with the values and metrics
 * written, each metric's series, the downloads; and the index rebuilt when the data change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataProvider } from '@tb/core/plugin';
import { type LoadedLogRoot, type TestApp, hostPlugin, loadLogRoot } from '@tb/core/testing';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experiment, ListSessionGroupsResponse } from './api-types.js';
import plugin from './index.js';

const P = '/data/plugin/hparams';
const TRIALS = [
  { lr: 0.001, units: 32, opt: 'adam', bn: true, acc: 0.81, loss: 0.9 },
  { lr: 0.01, units: 64, opt: 'sgd', bn: false, acc: 0.74, loss: 1.2 },
  { lr: 0.1, units: 32, opt: 'adam', bn: false, acc: 0.9, loss: 0.4 },
];
const ALL_STATUSES = ['STATUS_UNKNOWN', 'STATUS_SUCCESS', 'STATUS_FAILURE', 'STATUS_RUNNING'];

async function writeSweep(dir: string, trials: typeof TRIALS): Promise<void> {
  const w = new SummaryWriter(dir);
  trials.forEach(({ acc, loss, ...hparams }, i) => {
    w.addHparams(hparams, { 'hparam/accuracy': acc, 'hparam/loss': loss }, { runName: `trial-${i}`, hparamDomains: { opt: ['adam', 'sgd'], units: [32, 64] } });
  });
  await w.close();
}

const post = (app: TestApp, route: string, body: unknown, query = '') => app.request(`${P}/${route}${query}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describe('sessions written by @tb/writer', () => {
  let dir: string;
  let root: LoadedLogRoot;
  let app: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-hparams-'));
    await writeSweep(dir, TRIALS);
    root = await loadLogRoot(dir);
    app = hostPlugin(plugin, root.provider);
  });
  afterAll(async () => {
    await root.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the experiment the writer configured', async () => {
    const e = (await (await post(app, 'experiment', { experimentName: '' })).json()) as Experiment;
    expect(e.hparamInfos).toEqual([
      { name: 'bn', displayName: '', description: '', type: 'DATA_TYPE_BOOL', differs: false },
      { name: 'lr', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', differs: false },
      { name: 'opt', displayName: '', description: '', type: 'DATA_TYPE_STRING', domainDiscrete: ['adam', 'sgd'], differs: false },
      { name: 'units', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', domainDiscrete: [32, 64], differs: false },
    ]);
    expect(e.metricInfos.map((m) => m.name)).toEqual([
      { group: '', tag: 'hparam/accuracy' },
      { group: '', tag: 'hparam/loss' },
    ]);
    expect(e.timeCreatedSecs).toBeGreaterThan(1.7e9);
  });

  it('serves one group per session, with the values and metrics written (as float32)', async () => {
    const res = (await (await post(app, 'session_groups', { allowedStatuses: ALL_STATUSES, sliceSize: 10, colParams: [{ metric: { tag: 'hparam/accuracy' }, order: 'ORDER_DESC' }] })).json()) as ListSessionGroupsResponse;
    expect(res.totalSize).toBe(3);
    expect(res.sessionGroups.map((g) => g.name)).toEqual(['trial-2', 'trial-0', 'trial-1']);
    const g = res.sessionGroups[0]!;
    expect(g.hparams).toEqual({ lr: 0.1, units: 32, opt: 'adam', bn: false });
    expect(g.sessions.map((s) => [s.name, s.status])).toEqual([['trial-2', 'STATUS_SUCCESS']]);
    expect(g.metricValues.map((m) => [m.name.tag, m.value, m.trainingStep])).toEqual([
      ['hparam/accuracy', Math.fround(0.9), 0],
      ['hparam/loss', Math.fround(0.4), 0],
    ]);
    expect(g.sessions[0]!.endTimeSecs).toBeGreaterThanOrEqual(g.sessions[0]!.startTimeSecs);
  });

  it('filters as asked', async () => {
    const res = (await (await post(app, 'session_groups', { allowedStatuses: ALL_STATUSES, sliceSize: 10, colParams: [{ hparam: 'opt', filterDiscrete: ['adam'] }, { hparam: 'lr', filterInterval: { minValue: 0.05, maxValue: 1 } }] })).json()) as ListSessionGroupsResponse;
    expect(res.sessionGroups.map((g) => g.name)).toEqual(['trial-2']);
  });

  it('serves each metric series, GET and POST alike', async () => {
    const body = { sessionName: 'trial-1', metricName: { group: '', tag: 'hparam/loss' } };
    const points = (await (await post(app, 'metric_evals', body)).json()) as [number, number, number][];
    expect(points).toHaveLength(1);
    expect(points[0]!.slice(1)).toEqual([0, Math.fround(1.2)]);
    expect(await (await app.request(`${P}/metric_evals?request=${encodeURIComponent(JSON.stringify(body))}`)).json()).toEqual(points);
  });

  it('answers 404 for a metric the session lacks and 400 naming a bad field', async () => {
    const missing = await post(app, 'metric_evals', { sessionName: 'trial-1', metricName: { tag: 'nope' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('no scalar data for run \\"trial-1\\", tag \\"nope\\"');
    const bad = await post(app, 'session_groups', { sliceSize: 'ten' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('sliceSize: expected a 32-bit whole number, found \\"ten\\"');
    const noRequest = await app.request(`${P}/experiment`);
    expect(noRequest.status).toBe(400);
  });

  it('downloads the table in each format', async () => {
    const request = encodeURIComponent(JSON.stringify({ allowedStatuses: ALL_STATUSES, sliceSize: 10 }));
    const url = (format: string) => `${P}/download_data?format=${format}&columnsVisibility=${encodeURIComponent('[true,true,true,true,true,true]')}&request=${request}`;
    const csv = await app.request(url('csv'));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n').slice(0, 2)).toEqual(['bn,lr,opt,units,hparam/accuracy,hparam/loss', `True,0.001,adam,32.0,${Math.fround(0.81)},${Math.fround(0.9)}`]);
    const json = (await (await app.request(url('json'))).json()) as { header: string[]; rows: unknown[][] };
    expect(json.rows).toHaveLength(3);
    expect(await (await app.request(url('latex'))).text()).toContain('hparam/accuracy & hparam/loss \\\\ \\hline\n$1$ & $0.001$ & adam & $32$ & $0.81$ & $0.9$ \\\\\n');
    const post = await app.request(`${P}/download_data?format=csv&columnsVisibility=[true]`, { method: 'POST', body: decodeURIComponent(request) });
    expect(await post.text()).toBe('bn\r\nTrue\r\nFalse\r\nFalse\r\n');
    const bad = await app.request(`${P}/download_data?format=xls&columnsVisibility=[]&request=${request}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("format should be 'csv' or 'json' or 'latex'");
  });
});

it('rebuilds the index when the data change, and only then', async () => {
  const dirs = [mkdtempSync(path.join(tmpdir(), 'tb-hparams-a-')), mkdtempSync(path.join(tmpdir(), 'tb-hparams-b-'))];
  await writeSweep(dirs[0]!, TRIALS.slice(0, 2));
  await writeSweep(dirs[1]!, TRIALS);
  const roots = await Promise.all(dirs.map((d) => loadLogRoot(d)));
  let current = roots[0]!.provider;
  let reads = 0;
  // One provider object whose data change underneath, counting scalar reads.
  const provider: DataProvider = {
    listRuns: () => current.listRuns(),
    listPluginNames: () => current.listPluginNames(),
    listTags: (name, filter) => current.listTags(name, filter),
    readScalars: (...args) => (reads++, current.readScalars(...args)),
    readTensors: (...args) => current.readTensors(...args),
    readBlobSequences: (...args) => current.readBlobSequences(...args),
    readBlob: (key) => current.readBlob(key),
    listFiles: (pattern) => current.listFiles(pattern),
    readFile: (p) => current.readFile(p),
    readFileChunks: (p, o) => current.readFileChunks(p, o),
  };
  const app = hostPlugin(plugin, provider);
  const total = async () => ((await (await post(app, 'session_groups', { allowedStatuses: ALL_STATUSES, sliceSize: 10 })).json()) as ListSessionGroupsResponse).totalSize;
  try {
    expect(await total()).toBe(2);
    const afterFirst = reads;
    expect(afterFirst).toBe(4);
    expect(await total()).toBe(2);
    expect(reads).toBe(afterFirst);
    current = roots[1]!.provider;
    expect(await total()).toBe(3);
    expect(reads).toBe(afterFirst + 6);
  } finally {
    await Promise.all(roots.map((r) => r.close()));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});
