import { describe, expect, it } from 'vitest';
import { findMatches, matchLabel, matchMask, stepMatch } from './search.js';
import { makeTimeline } from './test-timeline.js';

const t = makeTimeline(
  [{ name: 'p', sortIndex: 0 }],
  [
    { process: 0, name: 'a', sortIndex: 0, depthCount: 2 },
    { process: 0, name: 'b', sortIndex: 1, depthCount: 1 },
  ],
  [
    [0, 0, 10, 0, 'aten::conv2d'],
    [0, 2, 3, 1, 'aten::convolution'],
    [0, 20, 5, 0, 'aten::relu'],
    [1, 1, 4, 0, 'implicit_convolve_sgemm'],
    [1, 30, 4, 0, 'CONV_kernel'],
  ],
);

describe('search', () => {
  it('matches names case-insensitively, in time order across tracks', () => {
    expect([...findMatches(t, 'conv')]).toEqual([0, 3, 1, 4]);
    expect([...findMatches(t, '  RELU ')]).toEqual([2]);
    expect(findMatches(t, '   ').length).toBe(0);
    expect(findMatches(t, 'nothing').length).toBe(0);
    expect([...matchMask(5, findMatches(t, 'conv'))]).toEqual([1, 1, 0, 1, 1]);
  });

  it('steps forward and back with wrap-around', () => {
    expect(stepMatch(-1, 4, 1)).toBe(0);
    expect(stepMatch(-1, 4, -1)).toBe(3);
    expect(stepMatch(3, 4, 1)).toBe(0);
    expect(stepMatch(0, 4, -1)).toBe(3);
    expect(stepMatch(1, 4, 1)).toBe(2);
    expect(stepMatch(0, 0, 1)).toBe(-1);
  });

  it('labels the position', () => {
    expect(matchLabel(2, 120, 'x')).toBe('3 of 120');
    expect(matchLabel(-1, 120, 'x')).toBe('120 matches');
    expect(matchLabel(-1, 0, 'x')).toBe('no matches');
    expect(matchLabel(-1, 0, '')).toBe('');
  });
});
