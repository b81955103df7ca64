import { describe, expect, it } from 'vitest';
import { Reservoir, ReservoirSampler } from './reservoir.js';
import { ScalarColumns } from './scalar-columns.js';

describe('Reservoir', () => {
  it('keeps everything below capacity, in order', () => {
    const r = new Reservoir<number>(10);
    for (let i = 0; i < 7; i++) r.add(i);
    expect(r.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps at most capacity, in arrival order, always the newest', () => {
    const r = new Reservoir<number>(50);
    for (let i = 0; i < 10_000; i++) {
      r.add(i);
      expect(r.last()).toBe(i);
    }
    const kept = r.toArray();
    expect(kept).toHaveLength(50);
    expect(kept.slice().sort((a, b) => a - b)).toEqual(kept);
  });

  it('is deterministic for a seed and spreads over the stream', () => {
    const a = new Reservoir<number>(100, 7);
    const b = new Reservoir<number>(100, 7);
    for (let i = 0; i < 100_000; i++) {
      a.add(i);
      b.add(i);
    }
    expect(a.toArray()).toEqual(b.toArray());
    const firstHalf = a.toArray().filter((x) => x < 50_000).length;
    expect(firstHalf).toBeGreaterThan(25);
    expect(firstHalf).toBeLessThan(75);
  });

  it('capacity 0 keeps everything', () => {
    const r = new Reservoir<number>(0);
    for (let i = 0; i < 5000; i++) r.add(i);
    expect(r.length).toBe(5000);
  });

  it('filter drops items and rescales the seen count', () => {
    const r = new Reservoir<number>(0);
    for (let i = 0; i < 10; i++) r.add(i);
    expect(r.filter((x) => x < 4)).toBe(6);
    expect(r.toArray()).toEqual([0, 1, 2, 3]);
  });

  it('the sampler keeps each item with probability about capacity / n', () => {
    const s = new ReservoirSampler(10, 1);
    let kept = 10;
    let admitted = 0;
    for (let n = 0; n < 10; n++) s.admit(n);
    for (let n = 10; n < 20_010; n++) if (s.admit(kept) < 10) admitted++;
    // Expected sum over n of 10/(n+1) for n in [10, 20010) is about 10*ln(2001) ~ 76.
    expect(admitted).toBeGreaterThan(40);
    expect(admitted).toBeLessThan(130);
  });
});

describe('ScalarColumns', () => {
  it('keeps every point as columns', () => {
    const c = new ScalarColumns();
    for (let i = 0; i < 100_000; i++) c.push(i, 1000 + i, i * 0.5);
    const v = c.view();
    expect(v.step).toHaveLength(100_000);
    expect(v.value[99_999]).toBe(99_999 * 0.5);
    expect(v.wallTime[5]).toBe(1005);
    // Growth slack stays under a third of the data at this size.
    expect(c.byteSize / (100_000 * 24)).toBeLessThan(1.34);
  });

  it('samples like the reservoir and keeps the last point', () => {
    const c = new ScalarColumns(100, 3);
    const r = new Reservoir<number>(100, 3);
    for (let i = 0; i < 20_000; i++) {
      c.push(i, i, -i);
      r.add(i);
    }
    expect(Array.from(c.view().step)).toEqual(r.toArray());
    expect(Array.from(c.view().value)).toEqual(r.toArray().map((x) => -x));
    expect(c.view().step[99]).toBe(19_999);
  });

  it('purgeFrom drops points at or after a step, keeping order', () => {
    const c = new ScalarColumns();
    for (const s of [0, 1, 2, 5, 3, 4, 6]) c.push(s, s, s * 10);
    expect(c.purgeFrom(3)).toBe(4);
    expect(Array.from(c.view().step)).toEqual([0, 1, 2]);
    expect(Array.from(c.view().value)).toEqual([0, 10, 20]);
  });
});
