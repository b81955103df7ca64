/**
 * Bad profile files cost their own profile only, with a reason a person can act on: not
 * JSON, JSON that is not a trace, a damaged gzip stream, an empty file, a trace cut off
 * mid-write (its events up to the cut are kept). The good run beside them still loads.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, hostPlugin, loadLogRoot, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import plugin from './index.js';

const P = '/data/plugin/profile';
const GOOD = corpusPath('profile/mlp_32/worker0.1795464397205.pt.trace.json');
const q = (run: string) => new URLSearchParams({ run, worker: 'worker0', span: '1' }).toString();

describe('bad profile files', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const good = readFileSync(GOOD);

  beforeAll(async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tb-profile-hostile-'));
    const put = (run: string, name: string, bytes: Uint8Array | string) => {
      mkdirSync(path.join(root, run), { recursive: true });
      writeFileSync(path.join(root, run, name), bytes);
    };
    put('not_json', 'worker0.1.pt.trace.json', 'this is not json at all');
    put('not_a_trace', 'worker0.1.pt.trace.json', JSON.stringify({ hello: 'world' }));
    const gz = gzipSync(good);
    // Damaged inside the deflate stream (bytes overwritten), and one merely cut short.
    const damaged = Buffer.from(gz);
    damaged.fill(0xff, 200, 260);
    put('bad_gzip', 'worker0.1.pt.trace.json.gz', damaged);
    put('cut_gzip', 'worker0.1.pt.trace.json.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    put('empty', 'worker0.1.pt.trace.json', '');
    // A writer killed mid-write: the text stops inside an event.
    put('cut', 'worker0.1.pt.trace.json', good.subarray(0, Math.floor(good.length * 0.6)));
    mkdirSync(path.join(root, 'fine'));
    copyFileSync(GOOD, path.join(root, 'fine', 'worker0.1795464397205.pt.trace.json'));
    mux = await loadLogRoot(root);
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it.each([
    ['not_json', /not_json\/worker0\.1\.pt\.trace\.json.*(JSON|byte)/is],
    ['not_a_trace', /not a trace: expected a list of events or an object with "traceEvents", found an object with keys "hello"/],
    ['bad_gzip', /bad_gzip\/worker0\.1\.pt\.trace\.json\.gz/],
    ['empty', /empty\/worker0\.1\.pt\.trace\.json/],
  ])('%s: 404 with the reason, and the page is told', async (run, reason) => {
    const res = await app.request(`${P}/overview?${q(run)}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(reason);
    const progress = await app.json<{ state: string; error: string }>(`${P}/progress?${q(run)}`);
    expect(progress.state).toBe('failed');
  });

  it.each(['cut', 'cut_gzip'])('%s: a trace cut off mid-write keeps its events up to the cut', async (run) => {
    const table = (r: string) => app.json<{ data: { calls: number }[] }>(`${P}/operation/table?${q(r)}&group_by=Operation`);
    const calls = (t: { data: { calls: number }[] }) => t.data.reduce((n, r) => n + r.calls, 0);
    const cut = calls(await table(run));
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(calls(await table('fine')));
  });

  it('the good run beside them loads', async () => {
    expect(await app.json(`${P}/views?run=fine`)).toEqual(['Overview', 'Operator', 'Trace']);
    expect((await app.json<{ runs: string[] }>(`${P}/runs`)).runs).toEqual(['bad_gzip', 'cut', 'cut_gzip', 'empty', 'fine', 'not_a_trace', 'not_json']);
  });
});
