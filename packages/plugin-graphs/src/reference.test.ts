/**
 * The routes against the real TensorBoard's recorded answers, for every log root that has
 * some: `info` deep-equal, every `graph` answer byte for byte with its content type (the
 * PyTorch graph of mnist-like and tf2-format, the TF2 Keras op graph with its function
 * library, the Keras conceptual graph, with and without `limit_attr_size`).
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceBytes, referenceJson, referenceRequests, replay, replayRequest } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/graphs/';
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

it('finds the recorded answers: info everywhere, graphs of three log roots', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'tf2-format', 'keras-checkpoint', 'edge', 'profile', 'projector']));
  for (const root of ['mnist-like', 'tf2-format', 'keras-checkpoint']) {
    expect(referenceRequests(root, `${PREFIX}graph`).filter((r) => r.path.endsWith('/graph')).length, root).toBeGreaterThan(1);
  }
  const conceptual = referenceRequests('keras-checkpoint', `${PREFIX}graph`).filter((r) => r.query.some(([k, v]) => k === 'conceptual' && v === 'true'));
  expect(conceptual).toHaveLength(1);
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

  it.each(requests.map((r) => [replayRequest(r).url, r] as const))('%s', async (_, r) => {
    const res = await replay(app, r);
    expect(res.status).toBe(r.status);
    const contentType = r.content_type;
    if (r.path.endsWith('/info')) {
      expect(res.headers.get('content-type')).toBe(contentType);
      expect(await res.json()).toEqual(referenceJson(root, r));
      return;
    }
    expect(res.headers.get('content-type')).toBe(contentType);
    const ours = Buffer.from(await res.arrayBuffer());
    const theirs = referenceBytes(root, r);
    if (!ours.equals(theirs)) expect(ours.toString('utf8')).toBe(theirs.toString('utf8'));
    expect(ours.equals(theirs)).toBe(true);
  });
});
