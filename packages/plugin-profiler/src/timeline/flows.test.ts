import { describe, expect, it } from 'vitest';
import { assignDepths } from './depth.js';
import { enclosingSlice, FlowCollector } from './flows.js';

describe('enclosingSlice', () => {
  // One track: a [0,100] > b [10,50] > c [10,20]; d [60,70] at depth 1; e [200,210].
  const start = Float64Array.of(0, 10, 10, 60, 200);
  const dur = Float64Array.of(100, 40, 10, 10, 10);
  const depth = new Uint16Array(5);
  const levels = assignDepths(start, dur, 0, 5, depth);

  it('nests by containment', () => {
    expect([...depth]).toEqual([0, 1, 2, 1, 0]);
    expect(levels).toBe(3);
  });

  it('finds the deepest slice holding a time, ends included', () => {
    expect(enclosingSlice(start, dur, depth, 0, 5, 15)).toBe(2);
    expect(enclosingSlice(start, dur, depth, 0, 5, 10)).toBe(2);
    expect(enclosingSlice(start, dur, depth, 0, 5, 30)).toBe(1);
    expect(enclosingSlice(start, dur, depth, 0, 5, 55)).toBe(0);
    expect(enclosingSlice(start, dur, depth, 0, 5, 70)).toBe(3);
    expect(enclosingSlice(start, dur, depth, 0, 5, 150)).toBe(-1);
    expect(enclosingSlice(start, dur, depth, 0, 5, -1)).toBe(-1);
    expect(enclosingSlice(start, dur, depth, 0, 5, 205)).toBe(4);
    expect(enclosingSlice(start, dur, depth, 1, 4, 55)).toBe(-1); // outside the range given
  });
});

describe('FlowCollector', () => {
  it('pairs starts and finishes by category and id, whatever their order in the file', () => {
    const c = new FlowCollector();
    c.add('f', 'ac2g', '7', { track: 1, ts: 20 });
    c.add('s', 'ac2g', '7', { track: 0, ts: 5 });
    c.add('s', 'fwdbwd', '7', { track: 0, ts: 8 }); // another category: no finish
    c.add('s', 'ac2g', '9', { track: 0, ts: 9 }); // no finish
    c.add('t', 'ac2g', '9', { track: 0, ts: 9 }); // steps are ignored
    expect([...c.pairs()]).toEqual([[{ track: 0, ts: 5 }, { track: 1, ts: 20 }]]);
  });
});
