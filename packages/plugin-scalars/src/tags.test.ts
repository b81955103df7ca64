import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagsImpl } from './tags.js';
import { type LoadedLogRoot, corpusPath, loadLogRoot, MemoryProvider } from '@tb/core/testing';

describe('tagsImpl', () => {
  let mux: LoadedLogRoot;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('tf2-format'));
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
    const point = [{ wallTime: 1, step: 0, value: 1 }];
    const data = new MemoryProvider()
      .addScalars('run', 'old', point, { displayName: 'old' })
      .addScalars('run', 'newer', point, { displayName: 'newer', pluginContent: Uint8Array.from([0x08, 0x01]) })
      .addScalars('onlyNewer', 'newer', point, { displayName: 'newer', pluginContent: Uint8Array.from([0x08, 0x07]) });
    expect(tagsImpl(data)).toEqual({ run: { old: { displayName: 'old', description: '' } }, onlyNewer: {} });
  });

  it('keeps a run or tag named __proto__ as a key', () => {
    const data = new MemoryProvider().addScalars('__proto__', '__proto__', [{ wallTime: 1, step: 0, value: 1 }], { displayName: '__proto__' });
    const json = JSON.stringify(tagsImpl(data));
    expect(json).toBe('{"__proto__":{"__proto__":{"displayName":"__proto__","description":""}}}');
  });
});
