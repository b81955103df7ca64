import type { PluginFetch } from '@tb/ui';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListSessionGroupsRequest } from '../api-types.js';
import { fetchAllSessionGroups, fetchCurve, parseSeries, siblingPluginUrl } from './api.js';
import { GROUPS } from './fixtures.js';

function pluginFetch(answer: (route: string, body: unknown) => unknown, base = '/tb/data/plugin/hparams/'): PluginFetch {
  return {
    json: async <T,>(route: string, init?: RequestInit) => answer(route, init?.body ? JSON.parse(String(init.body)) : undefined) as T,
    raw: () => Promise.reject(new Error('unused')),
    url: (route) => base + route,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('fetches every group a page at a time until totalSize', async () => {
    const bodies: ListSessionGroupsRequest[] = [];
    const fetch = pluginFetch((route, body) => {
      expect(route).toBe('session_groups');
      const r = body as ListSessionGroupsRequest;
      bodies.push(r);
      return { sessionGroups: GROUPS.slice(r.startIndex, r.startIndex! + r.sliceSize!), totalSize: GROUPS.length };
    });
    const groups = await fetchAllSessionGroups(fetch, ['STATUS_SUCCESS'], 2);
    expect(groups.map((g) => g.name)).toEqual(GROUPS.map((g) => g.name));
    expect(bodies.map((b) => [b.startIndex, b.sliceSize])).toEqual([
      [0, 2],
      [2, 2],
      [4, 2],
    ]);
    expect(bodies[0]!.allowedStatuses).toEqual(['STATUS_SUCCESS']);
  });

  it('stops at a short page when the total is unknown, and refuses a malformed answer', async () => {
    const pages = pluginFetch((_, body) => ({ sessionGroups: GROUPS.slice((body as ListSessionGroupsRequest).startIndex, 3), totalSize: -1 }));
    expect(await fetchAllSessionGroups(pages, [], 2)).toHaveLength(3);
    await expect(fetchAllSessionGroups(pluginFetch(() => ({ groups: [] })), [])).rejects.toThrow(/expected \{sessionGroups/);
  });

  it("derives the Scalars plugin's URL from ours, path prefix kept", () => {
    expect(siblingPluginUrl(pluginFetch(() => null), 'scalars', 'scalars?run=a')).toBe('/tb/data/plugin/scalars/scalars?run=a');
    expect(() => siblingPluginUrl(pluginFetch(() => null, '/elsewhere/'), 'scalars', 'x')).toThrow(/expected this plugin's URL to end in \/data\/plugin/);
  });

  it('reads series with special values', () => {
    expect(parseSeries([[1, 0, 'NaN'], [2, 1, 0.5], 'junk'])).toEqual([
      { wallTime: 1, step: 0, value: NaN },
      { wallTime: 2, step: 1, value: 0.5 },
    ]);
    expect(() => parseSeries({})).toThrow(/expected a series/);
  });

  it("fetches a curve from the Scalars plugin's run of the metric", async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify([[1, 0, 0.5], [2, 1, 0.25]]), { status: 200 });
    });
    const points = await fetchCurve(pluginFetch(() => null), 'tuning/run-00', { group: 'validation', tag: 'epoch_loss' });
    expect(points.map((p) => p.value)).toEqual([0.5, 0.25]);
    const url = new URL(urls[0]!, 'http://x');
    expect(url.pathname).toBe('/tb/data/plugin/scalars/scalars');
    expect(url.searchParams.get('run')).toBe('tuning/run-00/validation');
    expect(url.searchParams.get('tag')).toBe('epoch_loss');
  });

  it('falls back to metric_evals when the Scalars plugin answers 404', async () => {
    vi.stubGlobal('fetch', async () => new Response('{"error":{}}', { status: 404 }));
    const seen: unknown[] = [];
    const fetch = pluginFetch((route, body) => {
      seen.push([route, body]);
      return [[1, 3, 0.9]];
    });
    const points = await fetchCurve(fetch, 'tuning/run-00', { group: '', tag: 'hparam/accuracy' });
    expect(points).toEqual([{ wallTime: 1, step: 3, value: 0.9 }]);
    expect(seen).toEqual([['metric_evals', { experimentName: '', sessionName: 'tuning/run-00', metricName: { group: '', tag: 'hparam/accuracy' } }]]);
  });

  it('reports another failure of the Scalars plugin', async () => {
    vi.stubGlobal('fetch', async () => new Response('boom', { status: 500, statusText: 'Internal Server Error' }));
    await expect(fetchCurve(pluginFetch(() => null), 's', { group: '', tag: 't' })).rejects.toThrow(/500 Internal Server Error from the Scalars plugin for s, t/);
  });
});
