/**
 * The routes against the real TensorBoard's recorded answers for the same log roots:
 * tags, every histograms answer and every distributions answer (TensorBoard serves the
 * latter at /data/plugin/distributions/, and so do we, through the plugin's alias:
 * every request is asked at the very path TensorBoard was asked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceJson, referenceRequests } from '@tb/core/testing';
import plugin from './index.js';

describe.each(['mnist-like', 'tf2-format'])('against TensorBoard on %s', (root) => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const requests = referenceRequests(root, '/data/plugin/histograms/', '/data/plugin/distributions/');

  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it('has recorded answers to compare with', () => {
    expect(requests.filter((r) => r.path.endsWith('/histograms')).length).toBeGreaterThanOrEqual(4);
    expect(requests.filter((r) => r.path.endsWith('/distributions')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(requests.map((r) => [`${r.path}?${new URLSearchParams(r.query.map(([k, v]) => [k, String(v)])).toString()}`, r] as const))('%s', async (_, r) => {
    const route = r.path;
    const res = await app.request(`${route}?${new URLSearchParams(r.query.map(([k, v]) => [k, String(v)])).toString()}`);
    expect(res.status).toBe(r.status);
    const ours = (await res.json()) as unknown;
    const theirs = referenceJson(root, r);
    if (!route.endsWith('/distributions')) {
      expect(ours).toEqual(theirs);
      return;
    }
    // Interpolated values: equal to the last bits of a double.
    const o = ours as [number, number, [number, number][]][];
    const t = theirs as [number, number, [number, number][]][];
    expect(o.map(([w, s, p]) => [w, s, p.map(([bp]) => bp)])).toEqual(t.map(([w, s, p]) => [w, s, p.map(([bp]) => bp)]));
    o.forEach(([, , points], i) => points.forEach(([, v], j) => expect(v).toBeCloseTo(t[i]![2][j]![1], 12)));
  });
});
