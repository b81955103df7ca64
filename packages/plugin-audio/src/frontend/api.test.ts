import type { PluginFetch } from '@tb/ui';
import { describe, expect, it } from 'vitest';
import { fetchClips, fetchTagIndex, mergeSamples } from './api.js';

function fakeFetch(answers: Record<string, unknown>, asked: string[] = []): PluginFetch {
  return {
    json: <T,>(route: string) => {
      asked.push(route);
      return route in answers ? Promise.resolve(answers[route] as T) : Promise.reject(new Error(`unexpected route ${route}`));
    },
    raw: () => Promise.reject(new Error('audio never fetches raw')),
    url: (route) => `/data/plugin/audio/${route}`,
  };
}

describe('fetchTagIndex', () => {
  it('turns run -> tag into tag -> run, tags sorted, at least one sample each', async () => {
    const index = await fetchTagIndex(
      fakeFetch({ tags: { b: { 'z/tone': { samples: 2, description: '<p>d</p>' } }, a: { 'a/tone': { samples: 0 }, 'z/tone': { samples: 1, description: '' } } } }),
    );
    expect([...index.keys()]).toEqual(['a/tone', 'z/tone']);
    expect(index.get('z/tone')!.get('b')).toEqual({ samples: 2, description: '<p>d</p>' });
    expect(index.get('a/tone')!.get('a')).toEqual({ samples: 1, description: '' });
  });
});

describe('fetchClips', () => {
  it('asks for every sample with labels and puts the clips of a step together', async () => {
    const asked: string[] = [];
    const entry = (step: number, sample: number, label: string) => ({ wall_time: 10 + step, step, label, contentType: 'audio/wav', query: `blob_key=k${step}.${sample}` });
    const steps = await fetchClips(
      fakeFetch(
        {
          'audio?run=a%2Fb&tag=t%20x&labels=true&sample=0': [entry(5, 0, '<p>hi</p>'), entry(1, 0, '')],
          'audio?run=a%2Fb&tag=t%20x&labels=true&sample=1': [entry(5, 1, '')],
        },
        asked,
      ),
      'a/b',
      't x',
      2,
    );
    expect(asked).toHaveLength(2);
    expect(steps.map((s) => [s.step, s.wallTime, s.clips.map((c) => [c.sample, c.label, c.url])])).toEqual([
      [1, 11, [[0, '', '/data/plugin/audio/individualAudio?blob_key=k1.0']]],
      [5, 15, [[0, '<p>hi</p>', '/data/plugin/audio/individualAudio?blob_key=k5.0'], [1, '', '/data/plugin/audio/individualAudio?blob_key=k5.1']]],
    ]);
  });
});

describe('mergeSamples', () => {
  it('keeps the first write of a step written twice', () => {
    const clip = (sample: number, url: string) => ({ sample, label: '', contentType: 'audio/wav', url });
    const merged = mergeSamples([[{ step: 3, wallTime: 1, clip: clip(0, 'first') }, { step: 3, wallTime: 2, clip: clip(0, 'again') }]]);
    expect(merged).toEqual([{ step: 3, wallTime: 1, clips: [clip(0, 'first')] }]);
  });
});
