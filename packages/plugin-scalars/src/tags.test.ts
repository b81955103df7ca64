import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRootMultiplexer } from '@tb/core';
import { tagsImpl } from './tags.js';
import { memoryProvider } from './testing/memory-provider.js';
import { loadRoot } from './testing/corpus.js';

describe('tagsImpl', () => {
  let mux: LogRootMultiplexer;
  beforeAll(async () => {
    mux = await loadRoot('tf2-format');
  });
  afterAll(() => mux.close());

  it('renders descriptions to safe HTML and keeps empty ones empty', () => {
    const tags = tagsImpl(mux.provider);
    expect(tags['tb_summary_writer']).toEqual({
      lr_schedule: { displayName: '', description: '<p>Exponential decay</p>' },
      grad_norm: { displayName: '', description: '' },
    });
  });

  it('skips tags written by a newer scalars plugin, as TensorBoard does', () => {
    const point = [[1, 0, 1]] as const;
    const data = memoryProvider({
      run: { old: { points: point }, newer: { points: point, pluginContent: Uint8Array.from([0x08, 0x01]) } },
      onlyNewer: { newer: { points: point, pluginContent: Uint8Array.from([0x08, 0x07]) } },
    });
    expect(tagsImpl(data)).toEqual({ run: { old: { displayName: 'old', description: '' } }, onlyNewer: {} });
  });

  it('keeps a run or tag named __proto__ as a key', () => {
    const data = memoryProvider(JSON.parse('{"__proto__": {"__proto__": {"points": [[1, 0, 1]]}}}'));
    const json = JSON.stringify(tagsImpl(data));
    expect(json).toBe('{"__proto__":{"__proto__":{"displayName":"__proto__","description":""}}}');
  });
});
