import { describe, expect, it } from 'vitest';
import { fetchCurves, tagIndex } from './api.js';
import type { PluginFetch } from '@tb/ui';

describe('tagIndex', () => {
  it('turns run -> tags into sorted tag -> runs, keeping display names that differ from the tag', () => {
    const index = tagIndex({
      b: { 'pr/y': { displayName: 'y', description: '' }, 'pr/x': { displayName: '', description: '' } },
      a: { 'pr/x': { displayName: 'pr/x', description: '' } },
    });
    expect([...index.runsByTag].map(([t, runs]) => [t, [...runs]])).toEqual([
      ['pr/x', ['b', 'a']],
      ['pr/y', ['b']],
    ]);
    expect([...index.displayNames]).toEqual([['pr/y', 'y']]);
  });
});

describe('fetchCurves', () => {
  it('asks for every run in one request', async () => {
    const asked: string[] = [];
    const fetch = { json: async (route: string) => (asked.push(route), {}) } as unknown as PluginFetch;
    await fetchCurves(fetch, 'pr/a b', ['adam/validation', 'sgd&x']);
    expect(asked).toEqual(['pr_curves?run=adam%2Fvalidation&run=sgd%26x&tag=pr%2Fa+b']);
  });
});
