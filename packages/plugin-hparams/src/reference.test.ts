/**
 * The routes against the real TensorBoard's recorded answers: every /data/plugin/hparams/
 * request of every log root that has some (experiment, session_groups, metric_evals),
 * sent as TensorBoard's page sent it (the JSON request as a text/plain POST body) and
 * compared as JSON, numbers exactly.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/hparams/';
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

/** The recorded POST body: index.json keeps it beside `form`, which is null for these requests. */
const bodyOf = (r: ReferenceRequest) => (r as ReferenceRequest & { body: string | null }).body;

it('finds the recorded answers: every route on the roots with sessions, experiment and session_groups on the others', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'tf2-format', 'keras-checkpoint', 'edge', 'profile', 'projector']));
  for (const root of ['mnist-like', 'tf2-format']) {
    for (const route of ['experiment', 'session_groups', 'metric_evals']) expect(referenceRequests(root, `${PREFIX}${route}`).length, `${root} ${route}`).toBeGreaterThan(0);
  }
  for (const root of ROOTS) for (const r of referenceRequests(root, PREFIX)) expect(bodyOf(r), `${root} ${r.path}`).toEqual(expect.any(String));
});

describe.each(ROOTS)('against TensorBoard on %s', (root) => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const requests = referenceRequests(root, PREFIX);

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it.each(requests.map((r) => [`${r.method} ${r.path} ${bodyOf(r)}`, r] as const))('%s', async (_, r) => {
    const res = await app.request(r.path, { method: r.method, body: bodyOf(r), headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
    expect(res.status).toBe(r.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(referenceJson(root, r));
  });

  it.each(requests.map((r) => [`GET ${r.path}?request=${bodyOf(r)}`, r] as const))('%s answers as the POST', async (_, r) => {
    const res = await app.request(`${r.path}?${new URLSearchParams({ request: bodyOf(r)! }).toString()}`);
    expect(res.status).toBe(r.status);
    expect(await res.json()).toEqual(referenceJson(root, r));
  });
});
