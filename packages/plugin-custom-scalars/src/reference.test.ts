/**
 * The routes against the real TensorBoard's recorded answers, on every log root that
 * has some: `/layout` byte for byte with its status and content type. None of these
 * roots wrote a layout, so the answer is `{}` and the tab is not listed as active.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceRequests, referenceText, replay } from '@tb/core/testing';
import plugin from './index.js';

const PREFIX = '/data/plugin/custom_scalars/';
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);

it('finds recorded answers on the corpus roots', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['mnist-like', 'edge', 'profile', 'projector', 'tf2-format']));
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

  it.each(requests.map((r) => [r.file, r] as const))('answers %s as TensorBoard does', async (_, request) => {
    const res = await replay(app, request);
    expect(res.status).toBe(request.status);
    expect(res.headers.get('content-type')).toBe(request.content_type);
    expect(await res.text()).toBe(referenceText(root, request));
  });

  it('is not an active tab, as no run wrote a layout', async () => {
    const res = await app.request('/data/plugins_listing');
    const listing = (await res.json()) as Record<string, { enabled: boolean }>;
    expect(listing.custom_scalars?.enabled).toBe(false);
  });
});
