import { PluginHttpError, type PluginFetch } from '@tb/ui';
import { describe, expect, it } from 'vitest';
import { fetchImages, fetchTagIndex, isNotFound } from './api.js';

const answering = (answer: unknown): PluginFetch => ({
  json: async <T,>() => answer as T,
  raw: () => Promise.reject(new Error('unused')),
  url: (route) => `/data/plugin/images/${route}`,
});

describe('api', () => {
  it('indexes tags by tag, then run, with at least one sample each', async () => {
    const index = await fetchTagIndex(answering({ b: { z: { samples: 4 } }, a: { z: {}, y: { samples: 1 } } }));
    expect([...index.keys()]).toEqual(['y', 'z']);
    expect([...index.get('z')!]).toEqual([
      ['b', 4],
      ['a', 1],
    ]);
  });

  it('orders images by step, shows a step written twice once, and makes absolute image URLs', async () => {
    const entry = (step: number, wall_time: number) => ({ wall_time, step, width: 2, height: 1, query: `blob_key=k${step}` });
    const images = await fetchImages(answering([entry(2, 30), entry(0, 10), entry(2, 40)]), 'r', 't', 0);
    expect(images).toEqual([
      { wallTime: 10, step: 0, width: 2, height: 1, url: '/data/plugin/images/individualImage?blob_key=k0' },
      { wallTime: 30, step: 2, width: 2, height: 1, url: '/data/plugin/images/individualImage?blob_key=k2' },
    ]);
  });

  it('tells a 404 (no images for the tag) from other failures', () => {
    expect(isNotFound(new PluginHttpError(404, 'no images for run "a/validation"'))).toBe(true);
    expect(isNotFound(new PluginHttpError(500, 'boom'))).toBe(false);
    expect(isNotFound(new TypeError('Failed to fetch'))).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });
});
