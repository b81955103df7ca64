import { describe, expect, it } from 'vitest';
import type { TagMetadata } from '../events/data-compat.js';
import { BatchBuilder } from './ingest/batch.js';
import { LogRootProvider } from './provider.js';
import { RunData } from './run-data.js';
import type { RunLoader } from './run-loader.js';

const scalarMeta: TagMetadata = { pluginName: 'scalars', dataClass: 'scalar', displayName: '', description: '', pluginContent: new Uint8Array() };
const tensorMeta: TagMetadata = { ...scalarMeta, pluginName: 'histograms', dataClass: 'tensor' };

/** A provider over one run 'r' whose data the test fills batch by batch, as the loader does. */
function setup(capacity = 0) {
  const run = { name: 'r', startTime: 0, generation: 0, data: new RunData(() => capacity) };
  Object.defineProperty(run, 'tags', { get: () => run.data.tags });
  const provider = new LogRootProvider({ roots: [], runs: new Map([['r', run as unknown as RunLoader]]) });
  const apply = (fill: (b: BatchBuilder) => void) => {
    const b = new BatchBuilder();
    fill(b);
    run.data.apply(b.finish().batch);
  };
  apply((b) => {
    b.newTag({ tag: 'loss', metadata: scalarMeta, fromSummary: true });
    b.newTag({ tag: 'w', metadata: tensorMeta, fromSummary: true });
  });
  const push = (...steps: number[]) => apply((b) => steps.forEach((s) => b.scalar('loss', s, s, s)));
  const add = (step: number) => apply((b) => b.tensor('w', { step, wallTime: step, value: { dtype: 'float64', shape: [0], numbers: new Float64Array(0), strings: [] } }));
  const version = (plugin = 'scalars', tag = 'loss') => provider.seriesVersion(plugin, 'r', tag);
  return { run, provider, apply, push, add, version };
}

describe('LogRootProvider.seriesVersion', () => {
  it('is undefined for a missing run, tag, or a tag of another plugin', () => {
    const { provider } = setup();
    expect(provider.seriesVersion('scalars', 'nope', 'loss')).toBeUndefined();
    expect(provider.seriesVersion('scalars', 'r', 'nope')).toBeUndefined();
    expect(provider.seriesVersion('histograms', 'r', 'loss')).toBeUndefined();
  });

  it('stays while nothing changes and changes when points arrive, for that series only', () => {
    const { push, add, version } = setup();
    push(0);
    const v0 = version();
    const h0 = version('histograms', 'w');
    expect(version()).toBe(v0);
    push(1);
    expect(version()).not.toBe(v0);
    expect(version('histograms', 'w')).toBe(h0);
    add(5);
    expect(version('histograms', 'w')).not.toBe(h0);
  });

  it('changes when a full reservoir replaces its last point (the count stays), and on a purge', () => {
    const { run, push, apply, version } = setup(4);
    push(...Array.from({ length: 10 }, (_, s) => s));
    const before = version();
    const count = run.data.tags.get('loss')!.count;
    push(10);
    expect(run.data.tags.get('loss')!.count).toBe(count);
    const afterPush = version();
    expect(afterPush).not.toBe(before);
    apply((b) => b.purge({ kind: 'tags', step: 5, tags: ['loss'] }));
    expect(version()).not.toBe(afterPush);
  });

  it('tells apart two series objects with the same points (a reload from scratch swaps in new ones)', () => {
    const a = setup();
    const b = setup();
    a.push(0);
    b.push(0);
    expect(a.version()).not.toBe(b.version());
  });
});
