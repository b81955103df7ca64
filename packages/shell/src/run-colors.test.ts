import { NO_DATA_COLOR, RUN_PALETTE } from '@tb/ui';
import { describe, expect, it } from 'vitest';
import { parseSlots, rememberSlots, runColorMap } from './run-colors.js';

describe('runColorMap', () => {
  it('gives palette colours to the runs with data only, the user’s own colour where picked', () => {
    const colors = runColorMap(['.', 'a', 'b'], ['a', 'b'], {}, { b: '#123456', '.': '#654321' });
    expect(colors).toEqual({ '.': NO_DATA_COLOR, a: RUN_PALETTE[0], b: '#123456' });
    expect(runColorMap(['.', 'a'], null, { a: 4 }, {})).toEqual({ '.': RUN_PALETTE[0], a: RUN_PALETTE[4] });
  });
});

describe('rememberSlots', () => {
  it('adds new slots, answers null when nothing changed', () => {
    expect(rememberSlots({ a: 0 }, { a: 0 }, ['a'])).toBeNull();
    expect(rememberSlots({ a: 0 }, { a: 0, b: 1 }, ['a', 'b'])).toEqual({ a: 0, b: 1 });
  });

  it('beyond the limit forgets the oldest runs of other log roots, never the current ones', () => {
    const next = rememberSlots({ old1: 0, cur: 1, old2: 2 }, { fresh: 3 }, ['cur', 'fresh'], 3)!;
    expect(Object.keys(next)).toEqual(['cur', 'old2', 'fresh']);
  });
});

describe('parseSlots', () => {
  it('keeps whole non-negative numbers only', () => {
    expect(parseSlots({ a: 1, b: -1, c: 1.5, d: 'x' })).toEqual({ a: 1 });
    expect(parseSlots([1])).toEqual({});
    expect(parseSlots(undefined)).toEqual({});
  });
});
