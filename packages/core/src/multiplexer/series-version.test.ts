import { describe, expect, it } from 'vitest';
import type { TagMetadata } from '../events/data-compat.js';
import { LogRootProvider } from './provider.js';
import type { RunLoader } from './run-loader.js';
import { TagSeries } from './tag-series.js';

const scalarMeta: TagMetadata = { pluginName: 'scalars', dataClass: 'scalar', displayName: '', description: '', pluginContent: new Uint8Array() };
const tensorMeta: TagMetadata = { ...scalarMeta, pluginName: 'histograms', dataClass: 'tensor' };

/** A provider over one run 'r' holding `series`, with a generation the test can bump. */
function setup(capacity = 0) {
  const loss = new TagSeries('loss', scalarMeta, capacity);
  const hist = new TagSeries('w', tensorMeta, capacity);
  const run = { name: 'r', startTime: 0, generation: 0, tags: new Map([['loss', loss], ['w', hist]]) };
  const provider = new LogRootProvider({ roots: [], runs: new Map([['r', run as unknown as RunLoader]]) });
  const storage = (s: TagSeries) => s.storage as { points: { push?: (a: number, b: number, c: number) => void; add?: (x: unknown) => void } };
  return { provider, run, loss, hist, push: (step: number) => storage(loss).points.push!(step, step, step), add: (step: number) => storage(hist).points.add!({ step, wallTime: step }) };
}

describe('LogRootProvider.seriesVersion', () => {
  it('is undefined for a missing run, tag, or a tag of another plugin', () => {
    const { provider } = setup();
    expect(provider.seriesVersion('scalars', 'nope', 'loss')).toBeUndefined();
    expect(provider.seriesVersion('scalars', 'r', 'nope')).toBeUndefined();
    expect(provider.seriesVersion('histograms', 'r', 'loss')).toBeUndefined();
  });

  it('stays while nothing changes and changes when points arrive or the run reloads', () => {
    const { provider, run, push, add } = setup();
    push(0);
    const v0 = provider.seriesVersion('scalars', 'r', 'loss');
    expect(provider.seriesVersion('scalars', 'r', 'loss')).toBe(v0);
    push(1);
    const v1 = provider.seriesVersion('scalars', 'r', 'loss');
    expect(v1).not.toBe(v0);
    run.generation++;
    expect(provider.seriesVersion('scalars', 'r', 'loss')).not.toBe(v1);
    const h0 = provider.seriesVersion('histograms', 'r', 'w');
    add(5);
    expect(provider.seriesVersion('histograms', 'r', 'w')).not.toBe(h0);
  });

  it('changes when a full reservoir replaces its last point (the count stays)', () => {
    const { provider, loss, push } = setup(4);
    for (let s = 0; s < 10; s++) push(s);
    const before = provider.seriesVersion('scalars', 'r', 'loss');
    const count = loss.count;
    push(10);
    expect(loss.count).toBe(count);
    expect(provider.seriesVersion('scalars', 'r', 'loss')).not.toBe(before);
  });

  it('tells apart two series objects with the same points (a reload swaps in new ones)', () => {
    const a = setup();
    const b = setup();
    a.push(0);
    b.push(0);
    expect(a.provider.seriesVersion('scalars', 'r', 'loss')).not.toBe(b.provider.seriesVersion('scalars', 'r', 'loss'));
  });
});
