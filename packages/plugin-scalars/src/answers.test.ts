import { describe, expect, it } from 'vitest';
import type { DataProvider, ScalarSeries } from '@tb/core/plugin';
import { multirunAnswer } from './multirun.js';
import { seriesAnswer } from './series.js';

/** A provider of one tag 'loss' in runs 'a' and 'b' that counts reads; `grow` adds a point. */
function fake() {
  const points: Record<string, number[]> = { a: [1, 2, 3, 4, 5, 6, 7, 8], b: [8, 7] };
  const reads: string[] = [];
  const series = (run: string): ScalarSeries => {
    const v = Float64Array.from(points[run]!);
    return { step: v.map((_, i) => i), wallTime: v.map((_, i) => 100 + i), value: v };
  };
  const data = {
    readScalars: (_p: string, run: string, tag: string) => (reads.push(run), tag === 'loss' && points[run] ? series(run) : undefined),
    seriesVersion: (_p: string, run: string, tag: string) => (tag === 'loss' && points[run] ? `v${points[run]!.length}` : undefined),
    listTags: () => new Map(),
    listRuns: () => [],
  } as unknown as DataProvider;
  return { data, reads, grow: (run: string) => points[run]!.push(0) };
}

describe('seriesAnswer', () => {
  it('reads the series once while its version stays, again when it changes', () => {
    const { data, reads, grow } = fake();
    const first = seriesAnswer(data, 'a', 'loss', 4).json;
    expect(seriesAnswer(data, 'a', 'loss', 4).json).toBe(first);
    expect(reads).toEqual(['a']);
    grow('a');
    expect(seriesAnswer(data, 'a', 'loss', 4).json).not.toBe(first);
    expect(reads).toEqual(['a', 'a']);
  });

  it('keeps answers for different downsamples apart', () => {
    const { data } = fake();
    expect(JSON.parse(seriesAnswer(data, 'a', 'loss', 4).json)).toHaveLength(2); // one bucket: first (= lowest) and last (= highest)
    expect(JSON.parse(seriesAnswer(data, 'a', 'loss').json)).toHaveLength(8);
  });
});

describe('multirunAnswer', () => {
  it('reads again only the run that changed, and leaves out runs without the tag', () => {
    const { data, reads, grow } = fake();
    const first = multirunAnswer(data, 'loss', ['a', 'b', 'nope', 'a']).json;
    expect(Object.keys(JSON.parse(first) as object)).toEqual(['a', 'b']);
    expect(multirunAnswer(data, 'loss', ['a', 'b', 'nope']).json).toBe(first);
    expect(reads).toEqual(['a', 'b']);
    grow('b');
    expect(JSON.parse(multirunAnswer(data, 'loss', ['a', 'b', 'nope']).json).b).toHaveLength(3);
    expect(reads).toEqual(['a', 'b', 'b']);
  });
});
