import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multirunImpl, multirunJson } from './multirun.js';
import { type LoadedLogRoot, corpusPath, loadLogRoot } from '@tb/core/testing';

describe('multirunImpl on mnist-like', () => {
  let mux: LoadedLogRoot;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('mnist-like'));
  });
  afterAll(() => mux.close());

  it('answers the runs asked for, in order, leaving out those without the tag, as TensorBoard does', () => {
    const byRun = multirunImpl(mux.provider, 'batch_loss', ['sgd/train', 'adam/validation', 'no/such/run', 'adam/train', 'sgd/train']);
    expect([...byRun.keys()]).toEqual(['sgd/train', 'adam/train']);
    expect(byRun.get('adam/train')!.step.length).toBe(1875);
    expect(multirunImpl(mux.provider, 'batch_loss', [])).toEqual(new Map());
  });

  it('downsamples each run to about n points, keeping the last', () => {
    const byRun = multirunImpl(mux.provider, 'batch_loss', ['adam/train', 'sgd/train'], 100);
    for (const series of byRun.values()) {
      expect(series.step.length).toBeLessThanOrEqual(101);
      expect(series.step[series.step.length - 1]).toBe(1874);
    }
  });

  it('writes {run: [[wall_time, step, value], ...]}', () => {
    const json = multirunJson(multirunImpl(mux.provider, 'epoch_loss', ['adam/train', 'sgd/validation']));
    expect(json).toMatch(/^\{"adam\/train": \[\[\d+\.\d+, 0, \d\.\d+\], .*\]\], "sgd\/validation": \[\[/);
    const parsed = JSON.parse(json) as Record<string, unknown[][]>;
    expect(parsed['sgd/validation']).toHaveLength(5);
    expect(multirunJson(new Map())).toBe('{}');
  });
});
