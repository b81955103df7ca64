/**
 * The routes against the real TensorBoard's recorded answers, for every log root that
 * has some: `tags`, and every `text` answer (markdown on and off; a scalar string, a
 * PyTorch vector and a TF2 table; non-ASCII text) equal to TensorBoard's, the HTML
 * string for string, not only after normalising whitespace.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/text/';
const url = (r: ReferenceRequest) => `${r.path}?${new URLSearchParams(r.query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

interface Entry {
  readonly wall_time: number;
  readonly step: number;
  readonly text: string;
}

it('finds the recorded answers: text of both formats, markdown on and off, non-ASCII', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'tf2-format', 'edge', 'projector', 'profile', 'keras-checkpoint']));
  for (const root of ['mnist-like', 'tf2-format', 'edge']) {
    const texts = referenceRequests(root, `${PREFIX}text`);
    expect(texts.some((r) => r.query.some(([k, v]) => k === 'markdown' && v === 'false')), root).toBe(true);
    expect(texts.some((r) => !r.query.some(([k]) => k === 'markdown')), root).toBe(true);
  }
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

  it.each(requests.map((r) => [url(r), r] as const))('%s', async (_, r) => {
    const res = await app.request(url(r));
    expect(res.status).toBe(r.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const ours = (await res.json()) as unknown;
    const theirs = referenceJson(root, r);
    if (r.path.endsWith('/tags')) {
      // Runs in any order; each run's tags in TensorBoard's order.
      expect(ours).toEqual(theirs);
      for (const [run, tags] of Object.entries(theirs as Record<string, string[]>)) expect((ours as Record<string, string[]>)[run]).toStrictEqual(tags);
      return;
    }
    const o = ours as Entry[];
    const t = theirs as Entry[];
    expect(o.map((e) => [e.wall_time, e.step])).toEqual(t.map((e) => [e.wall_time, e.step]));
    // The HTML exactly, whitespace included.
    o.forEach((e, i) => expect(e.text, `step ${e.step}`).toBe(t[i]!.text));
    expect(o.map((e) => Object.keys(e))).toEqual(t.map((e) => Object.keys(e)));
  });
});
