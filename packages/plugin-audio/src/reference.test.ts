/**
 * The routes against the real TensorBoard's recorded answers, for every log root that
 * has some: tags (with clip counts), every `audio` answer (wall_time, label, step,
 * contentType and the query string itself, byte for byte), and every individualAudio,
 * byte for byte with its content type. Each entry we list is also served as the bytes
 * TensorBoard served for it.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceBytes, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/audio/';
const url = (r: ReferenceRequest) => `${r.path}?${new URLSearchParams(r.query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

it('finds the recorded answers, audio of both formats among them', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'tf2-format', 'edge']));
  for (const root of ['mnist-like', 'tf2-format']) {
    for (const route of ['tags', 'audio', 'individualAudio']) expect(referenceRequests(root, `${PREFIX}${route}`).length, `${root} ${route}`).toBeGreaterThan(0);
  }
});

describe.each(ROOTS)('against TensorBoard on %s', (root) => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const requests = referenceRequests(root, PREFIX);
  /** TensorBoard's individualAudio answers by their query string. */
  const served = new Map(requests.filter((r) => r.path.endsWith('/individualAudio')).map((r) => [new URL(url(r), 'http://x').search.slice(1), r]));

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it.each(requests.map((r) => [url(r), r] as const))('%s', async (_, r) => {
    const res = await app.request(url(r));
    expect(res.status).toBe(r.status);
    if (r.path.endsWith('/individualAudio')) {
      expect(res.headers.get('content-type')).toBe((r as ReferenceRequest & { content_type: string }).content_type);
      expect(Buffer.from(await res.arrayBuffer()).equals(referenceBytes(root, r))).toBe(true);
      return;
    }
    const ours = (await res.json()) as unknown;
    expect(ours).toEqual(referenceJson(root, r));
    if (!r.path.endsWith('/audio')) return;
    for (const e of ours as { step: number; query: string }[]) {
      const bytes = Buffer.from(await (await app.request(`${PREFIX}individualAudio?${e.query}`)).arrayBuffer());
      const theirs = served.get(e.query);
      expect(theirs, `TensorBoard served ${e.query}`).toBeDefined();
      expect(bytes.equals(referenceBytes(root, theirs!)), `step ${e.step}`).toBe(true);
    }
  });
});
