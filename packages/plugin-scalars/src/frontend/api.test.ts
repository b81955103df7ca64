import { describe, expect, it } from 'vitest';
import type { PluginFetch } from '@tb/ui';
import { downsampleFor, exportRoute, fetchMultirun, multirunBody, seriesRoute } from './api.js';

describe('downsampleFor', () => {
  it('asks for about two points per pixel in steps of 250', () => {
    expect(downsampleFor(480)).toBe(1000);
    expect(downsampleFor(490)).toBe(1000);
    expect(downsampleFor(510)).toBe(1250);
    expect(downsampleFor(0)).toBe(500);
    expect(downsampleFor(1e6)).toBe(10_000);
  });
});

describe('routes', () => {
  it('builds the multirun form body with repeated runs', () => {
    expect(String(multirunBody('a/b', ['x y', 'z'], 1000))).toBe('tag=a%2Fb&runs=x+y&runs=z&downsample=1000');
  });

  it('builds download routes', () => {
    expect(seriesRoute('adam/train', 'loss', 'csv')).toBe('scalars?run=adam%2Ftrain&tag=loss&format=csv');
    expect(exportRoute(['a', 'b'], ['t'])).toBe('export?runs=a&runs=b&tags=t');
  });

  it('posts to scalars_multirun and parses the answer', async () => {
    const calls: { route: string; init?: RequestInit }[] = [];
    const fetch: PluginFetch = {
      json: async <T,>(route: string, init?: RequestInit) => {
        calls.push({ route, ...(init ? { init } : {}) });
        return { a: [[1, 0, 'NaN']] } as T;
      },
      raw: () => Promise.reject(new Error('unused')),
      url: (r) => `/data/plugin/scalars/${r}`,
    };
    const m = await fetchMultirun(fetch, 'loss', ['a'], 500);
    expect(calls[0]!.route).toBe('scalars_multirun');
    expect(calls[0]!.init!.method).toBe('POST');
    expect(m.get('a')!.value[0]).toBeNaN();
  });
});
