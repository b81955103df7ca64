import { describe, expect, it } from 'vitest';
import type { ScalarSeries } from './series.js';
import { SeriesStore, type LoadRuns } from './series-store.js';

const series = (n: number, v = 1): ScalarSeries => ({
  wall: new Float64Array(n),
  step: Float64Array.from({ length: n }, (_, i) => i),
  value: new Float64Array(n).fill(v),
});

/** A loader that answers when told, recording each call. */
function controlled() {
  const calls: { tag: string; runs: readonly string[]; downsample: number; resolve: (m: Map<string, ScalarSeries>) => void; reject: (e: unknown) => void }[] = [];
  const load: LoadRuns = (tag, runs, downsample) => new Promise((resolve, reject) => calls.push({ tag, runs, downsample, resolve, reject }));
  return { calls, load };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SeriesStore', () => {
  it('fetches only what is missing, once while in flight', async () => {
    const { calls, load } = controlled();
    const store = new SeriesStore(load);
    store.request('loss', ['a', 'b'], 1000);
    store.request('loss', ['a', 'b'], 1000);
    expect(calls.length).toBe(1);
    expect(store.isLoading('loss')).toBe(true);
    calls[0]!.resolve(new Map([['a', series(2000)]]));
    await tick();
    expect(store.isLoading('loss')).toBe(false);
    expect([...store.series('loss', ['a', 'b']).keys()]).toEqual(['a', 'b']);
    expect(store.series('loss', ['b']).get('b')!.step.length).toBe(0);
    store.request('loss', ['a', 'b', 'c'], 1000);
    expect(calls[1]!.runs).toEqual(['c']);
  });

  it('refetches at a finer resolution only when the series was cut', async () => {
    const { calls, load } = controlled();
    const store = new SeriesStore(load);
    store.request('t', ['long', 'short'], 500);
    calls[0]!.resolve(
      new Map([
        ['long', series(500)],
        ['short', series(20)],
      ]),
    );
    await tick();
    store.request('t', ['long', 'short'], 1000);
    expect(calls[1]!.runs).toEqual(['long']);
  });

  it('keeps stale data shown and refetches the changed runs after invalidate', async () => {
    const { calls, load } = controlled();
    const store = new SeriesStore(load);
    let notified = 0;
    store.subscribe('t', () => notified++);
    store.request('t', ['a', 'b'], 500);
    calls[0]!.resolve(new Map([['a', series(3, 1)], ['b', series(3, 2)]]));
    await tick();
    const before = notified;
    store.invalidate(['b']);
    expect(notified).toBe(before + 1);
    store.request('t', ['a', 'b'], 500);
    expect(calls[1]!.runs).toEqual(['b']);
    expect(store.series('t', ['b']).get('b')!.value[0]).toBe(2);
    calls[1]!.resolve(new Map([['b', series(4, 5)]]));
    await tick();
    expect(store.series('t', ['b']).get('b')!.value[0]).toBe(5);
  });

  it('holds an error until retry, then tries again', async () => {
    const { calls, load } = controlled();
    const store = new SeriesStore(load);
    store.request('t', ['a'], 500);
    calls[0]!.reject(new Error('boom'));
    await tick();
    expect((store.error('t') as Error).message).toBe('boom');
    store.request('t', ['a'], 500);
    expect(calls.length).toBe(1);
    store.retry('t');
    store.request('t', ['a'], 500);
    expect(calls.length).toBe(2);
  });

  it('runs a few requests at a time, newest first', async () => {
    const { calls, load } = controlled();
    const store = new SeriesStore(load, { concurrency: 2 });
    for (const tag of ['t1', 't2', 't3', 't4']) store.request(tag, ['a'], 500);
    expect(calls.map((c) => c.tag)).toEqual(['t1', 't2']);
    calls[0]!.resolve(new Map());
    await tick();
    expect(calls.map((c) => c.tag)).toEqual(['t1', 't2', 't4']);
  });

  it('forgets the least recently used tags beyond its limit', async () => {
    const load: LoadRuns = async (_tag, runs) => new Map(runs.map((r) => [r, series(1)]));
    const store = new SeriesStore(load, { maxTags: 2 });
    for (const tag of ['t1', 't2', 't3']) {
      store.request(tag, ['a'], 500);
      await tick();
    }
    expect(store.series('t1', ['a']).size).toBe(0);
    expect(store.series('t3', ['a']).size).toBe(1);
  });
});
