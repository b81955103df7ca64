/**
 * The routes against the real TensorBoard's recorded answers, for every log root that
 * has some: tags, and every `pr_curves` answer, numbers equal (precision and recall as
 * float32 widened, the counts, the thresholds, trailing TP + FP = 0 columns trimmed).
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/pr_curves/';
const url = (r: ReferenceRequest) => `${r.path}?${new URLSearchParams(r.query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

it('finds the recorded answers, PR curves of both formats among them', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'tf2-format', 'edge']));
  expect(referenceRequests('mnist-like', `${PREFIX}pr_curves`).length).toBeGreaterThan(0);
  expect(Object.keys(referenceJson('tf2-format', referenceRequests('tf2-format', `${PREFIX}tags`)[0]!) as object).length).toBeGreaterThan(0);
});

describe.each(ROOTS)('against TensorBoard on %s', (root) => {
  let mux: LoadedLogRoot;
  let app: TestApp;

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it.each(referenceRequests(root, PREFIX).map((r) => [url(r), r] as const))('%s', async (_, r) => {
    const res = await app.request(url(r));
    expect(res.status).toBe(r.status);
    expect(await res.json()).toEqual(referenceJson(root, r));
  });
});
