import type { PluginFetch } from '@tb/ui';
import { describe, expect, it } from 'vitest';
import { fetchTagIndex, fetchText, textRoute } from './api.js';

const fetchOf = (answers: Record<string, unknown>): PluginFetch => ({
  json: <T,>(route: string) => Promise.resolve(answers[route] as T),
  raw: () => Promise.reject(new Error('unused')),
  url: (r) => r,
});

describe('api', () => {
  it('indexes tags by name, each with its runs', async () => {
    const index = await fetchTagIndex(fetchOf({ tags: { b: ['notes', 'about'], a: ['notes'], c: [] } }));
    expect([...index.keys()]).toEqual(['about', 'notes']);
    expect([...index.get('notes')!]).toEqual(['b', 'a']);
  });

  it('asks for markdown off only when off, and escapes run and tag', () => {
    expect(textRoute('adam/train', 'a b&c', true)).toBe('text?run=adam%2Ftrain&tag=a%20b%26c');
    expect(textRoute('.', 'x', false)).toBe('text?run=.&tag=x&markdown=false');
  });

  it('sorts steps ascending; a step written twice shows its later write', async () => {
    const entries = await fetchText(
      fetchOf({ 'text?run=r&tag=t': [{ wall_time: 3, step: 5, text: 'b' }, { wall_time: 1, step: 0, text: 'a' }, { wall_time: 4, step: 5, text: 'c' }] }),
      'r',
      't',
      true,
    );
    expect(entries).toEqual([{ step: 0, wallTime: 1, html: 'a' }, { step: 5, wallTime: 4, html: 'c' }]);
  });
});
