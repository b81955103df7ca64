/**
 * The routes against the real TensorBoard's recorded answers, for every log root that
 * has some: tags (with sample counts), every `images` answer (wall_time, step and the
 * query string itself, byte for byte), and every individualImage, byte for byte with its
 * content type. Each entry we list is also served as the bytes TensorBoard served for it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceBytes, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/images/';
const url = (r: ReferenceRequest) => `${r.path}?${new URLSearchParams(r.query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

interface Entry {
  readonly wall_time: number;
  readonly step: number;
  readonly width: number;
  readonly height: number;
  readonly query: string;
}

it('finds the recorded answers, images of both formats among them', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'tf2-format', 'edge']));
  for (const root of ['mnist-like', 'tf2-format']) {
    for (const route of ['tags', 'images', 'individualImage']) expect(referenceRequests(root, `${PREFIX}${route}`).length, `${root} ${route}`).toBeGreaterThan(0);
  }
});

describe.each(ROOTS)('against TensorBoard on %s', (root) => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const requests = referenceRequests(root, PREFIX);
  /** TensorBoard's individualImage answers by their query string. */
  const served = new Map(requests.filter((r) => r.path.endsWith('/individualImage')).map((r) => [new URL(url(r), 'http://x').search.slice(1), r]));

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it.each(requests.map((r) => [url(r), r] as const))('%s', async (_, r) => {
    const res = await app.request(url(r));
    expect(res.status).toBe(r.status);
    if (r.path.endsWith('/individualImage')) {
      expect(res.headers.get('content-type')).toBe((r as ReferenceRequest & { content_type: string }).content_type);
      expect(Buffer.from(await res.arrayBuffer()).equals(referenceBytes(root, r))).toBe(true);
      return;
    }
    const ours = (await res.json()) as unknown;
    if (r.path.endsWith('/tags')) {
      expect(ours).toEqual(referenceJson(root, r));
      return;
    }
    // Ours also says each image's width and height (the issue asks for them); the rest is TensorBoard's.
    const entries = ours as Entry[];
    expect(entries.map(({ wall_time, step, query }) => ({ wall_time, step, query }))).toEqual(referenceJson(root, r));
    for (const e of entries) {
      const bytes = Buffer.from(await (await app.request(`${PREFIX}individualImage?${e.query}`)).arrayBuffer());
      const theirs = served.get(e.query);
      expect(theirs, `TensorBoard served ${e.query}`).toBeDefined();
      expect(bytes.equals(referenceBytes(root, theirs!)), `step ${e.step}`).toBe(true);
      // The PNG's own header (IHDR: width and height at bytes 16 and 20) says the same.
      expect([e.width, e.height]).toEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]);
    }
  });
});
