import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostPlugin, loadLogRoot, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';
import { encodeImageKey } from './image-key.js';

/** A log root written here: one run with 3 steps of 2 samples, one with a single image. */
async function writeRoot(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-images-'));
  const w = new SummaryWriter(path.join(dir, 'aug'));
  const img = (v: number) => ({ data: new Uint8Array(4 * 3).fill(v), width: 4, height: 3, channels: 1 as const });
  for (let step = 0; step < 3; step++) w.addImages('augmented', [img(step * 10), img(step * 10 + 5)], step * 100);
  await w.close();
  return dir;
}

describe('images routes', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  beforeAll(async () => {
    mux = await loadLogRoot(await writeRoot());
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());
  const get = (u: string) => app.request(`/data/plugin/images/${u}`);

  it('lists several samples per step and serves each', async () => {
    expect(await (await get('tags')).json()).toEqual({ aug: { augmented: { displayName: '', description: '', samples: 2 } } });
    const second = (await (await get('images?run=aug&tag=augmented&sample=1')).json()) as { step: number; width: number; height: number; query: string }[];
    expect(second.map((e) => [e.step, e.width, e.height])).toEqual([[0, 4, 3], [100, 4, 3], [200, 4, 3]]);
    const a = new Uint8Array(await (await get(`individualImage?${second[0]!.query}`)).arrayBuffer());
    const first = (await (await get('images?run=aug&tag=augmented')).json()) as { query: string }[];
    const b = new Uint8Array(await (await get(`individualImage?${first[0]!.query}`)).arrayBuffer());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect((await get('images?run=aug&tag=augmented&sample=2')).status).toBe(200);
    expect(await (await get('images?run=aug&tag=augmented&sample=2')).json()).toEqual([]);
  });

  it('lets the browser revalidate an image: 304 without a read while its blob is the same', async () => {
    const [first] = (await (await get('images?run=aug&tag=augmented')).json()) as { query: string }[];
    const res = await get(`individualImage?${first!.query}`);
    const etag = res.headers.get('etag')!;
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request(`/data/plugin/images/individualImage?${first!.query}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    const [, second] = (await (await get('images?run=aug&tag=augmented')).json()) as { query: string }[];
    expect((await get(`individualImage?${second!.query}`)).headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 for an unknown key and 400 for a garbled one, and keeps serving', async () => {
    const unknown = await get(`individualImage?blob_key=${encodeImageKey({ run: 'aug', tag: 'augmented', step: 7, index: 2 })}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('no image for run "aug", tag "augmented", step 7');
    expect((await get(`individualImage?blob_key=${encodeImageKey({ run: 'nope', tag: 'x', step: 0, index: 2 })}`)).status).toBe(404);
    expect((await get(`individualImage?blob_key=${encodeImageKey({ run: 'aug', tag: 'augmented', step: 0, index: 1 })}`)).status).toBe(404);
    expect((await get('individualImage?blob_key=%%%garbage')).status).toBe(400);
    expect((await get('individualImage')).status).toBe(400);
    expect((await get('images?run=aug&tag=augmented&sample=-1')).status).toBe(400);
    expect((await get('images?run=aug&tag=nope')).status).toBe(404);
    expect((await get('tags')).status).toBe(200);
  });
});
