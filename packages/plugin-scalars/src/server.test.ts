import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type TestApp, corpusPath, hostPlugin, loadLogRoot } from '@tb/core/testing';
import plugin from './index.js';
import { parseCsv } from './testing/parse-csv.js';

const BASE = '/data/plugin/scalars';

describe('scalars routes over the edge corpus', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('edge'));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  const get = (path: string) => Promise.resolve(app.request(`${BASE}/${path}`));
  const post = (path: string, body: URLSearchParams | FormData | string, headers?: Record<string, string>) =>
    Promise.resolve(app.request(`${BASE}/${path}`, { method: 'POST', body, ...(headers ? { headers } : {}) }));
  const error = async (res: Response) => ({ status: res.status, body: (await res.json()) as { error: { status: number; message: string; plugin: string } } });

  it('answers an unknown run or tag with a 404 naming the plugin and the name', async () => {
    const run = await error(await get('scalars?run=nope&tag=loss'));
    expect(run.status).toBe(404);
    expect(run.body.error).toMatchObject({ status: 404, plugin: 'scalars' });
    expect(run.body.error.message).toMatch(/^no scalars for run "nope": expected one of the runs with scalars, /);
    const tag = await error(await get('scalars?run=truncated&tag=nope'));
    expect(tag).toEqual({
      status: 404,
      body: { error: { status: 404, plugin: 'scalars', message: 'run "truncated" has no scalar tag "nope": its tags are "loss", "accuracy"' } },
    });
  });

  it('answers bad parameters with a 400 saying what was expected and found', async () => {
    expect(await error(await get('scalars?run=truncated&tag=loss&downsample=abc'))).toEqual({
      status: 400,
      body: { error: { status: 400, plugin: 'scalars', message: 'downsample should be a positive integer (the most points per series), found "abc"' } },
    });
    expect((await error(await get('scalars?run=truncated'))).body.error.message).toBe('tag is required (e.g. ?tag=...), found none');
    expect((await error(await get('scalars?run=truncated&tag=loss&format=xml'))).status).toBe(400);
    expect((await error(await get('scalars_multirun?tag=loss'))).body.error.message).toMatch(/expects a POST with a form body .* found a GET/);
    expect((await error(await post('scalars_multirun', '{"tag":"loss"}', { 'Content-Type': 'application/json' }))).body.error.message).toBe(
      "expected a form body (application/x-www-form-urlencoded or multipart/form-data), found content type 'application/json'",
    );
    expect((await error(await post('scalars_multirun', new URLSearchParams('runs=truncated')))).body.error.message).toMatch(/tag should be given exactly once .* found 0/);
    expect((await error(await post('scalars_multirun', new URLSearchParams('tag=loss&runs=truncated&downsample=0')))).status).toBe(400);
  });

  it('downsamples scalars and scalars_multirun, keeping the last point', async () => {
    const full = (await (await get('scalars?run=killed_writer&tag=loss')).json()) as unknown[][];
    expect(full.length).toBeGreaterThan(4000);
    const small = (await (await get('scalars?run=killed_writer&tag=loss&downsample=100')).json()) as unknown[][];
    expect(small.length).toBeLessThanOrEqual(101);
    expect(small[0]).toEqual(full[0]);
    expect(small[small.length - 1]).toEqual(full[full.length - 1]);
    for (const point of small) expect(full).toContainEqual(point);

    const csv = await (await get('scalars?run=killed_writer&tag=loss&downsample=100&format=csv')).text();
    expect(csv.split('\r\n')).toHaveLength(1 + small.length + 1);

    const multi = (await (await post('scalars_multirun', new URLSearchParams('tag=loss&runs=killed_writer&runs=truncated&runs=nope&downsample=40'))).json()) as Record<string, unknown[][]>;
    expect(Object.keys(multi)).toEqual(['killed_writer', 'truncated']);
    expect(multi['killed_writer']!.length).toBeLessThanOrEqual(41);
    expect(multi['truncated']!.length).toBeLessThanOrEqual(41);
    const viaQuery = (await (await post('scalars_multirun?downsample=40', new URLSearchParams('tag=loss&runs=killed_writer'))).json()) as Record<string, unknown[][]>;
    expect(viaQuery['killed_writer']).toEqual(multi['killed_writer']);
  });

  it('takes a multipart form too', async () => {
    const form = new FormData();
    form.append('tag', 'tab\tname');
    form.append('runs', 'unicode_tags');
    const res = await post('scalars_multirun', form);
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object)).toEqual(['unicode_tags']);
  });

  it('exports the selection as one CSV attachment, by GET or POST', async () => {
    const res = await get(`export?runs=unicode_tags&runs=${encodeURIComponent('ünïcødé run ✓')}&tags=${encodeURIComponent('percent%20encoded&x=1?y#z')}&tags=loss`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="scalars.csv"');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['run', 'tag', 'step', 'wall_time', 'value']);
    expect(new Set(rows.slice(1).map((r) => `${r[0]}|${r[1]}`))).toEqual(new Set(['unicode_tags|percent%20encoded&x=1?y#z', 'ünïcødé run ✓|loss']));

    const viaForm = await post('export', new URLSearchParams([['runs', 'unicode_tags'], ['tagRegex', '^(損失|tab)']]));
    expect(viaForm.headers.get('content-disposition')).toBe('attachment; filename="scalars.csv"');
    expect(new Set(parseCsv(await viaForm.text()).slice(1).map((r) => r[1]))).toEqual(new Set(['損失/訓練', 'tab\tname']));

    expect((await error(await get('export?tagRegex=%28'))).status).toBe(400);
    expect((await error(await get('export?runs=nope'))).status).toBe(404);
  });
});
