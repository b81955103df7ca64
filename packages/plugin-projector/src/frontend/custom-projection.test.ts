import { describe, expect, it } from 'vitest';
import { centroid, customProjection } from './custom-projection.js';

describe('custom projection', () => {
  const vectors = new Float32Array([1, 0, 0, 3, 0, 1, 2, 2]); // 4 points in 2-D
  const labels = ['right', 'left', 'up', 'other'];
  it('projects on mean(A) - mean(B) per axis', () => {
    const out = customProjection(vectors, 2, labels, { positive: '^right$', negative: '^left$' }, { positive: '^up$', negative: '^right$' });
    // x dir = (1,0)-(0,3) = (1,-3); y dir = (0,1)-(1,0) = (-1,1)
    expect([...out]).toEqual([1, -1, -9, 3, -3, 1, 2 - 6, 0]);
  });
  it('averages several matches', () => {
    expect([...centroid(vectors, 2, [0, 1])!]).toEqual([0.5, 1.5]);
    expect(centroid(vectors, 2, [])).toBeNull();
  });
  it('names a query that matches nothing', () => {
    expect(() => customProjection(vectors, 2, labels, { positive: 'zzz', negative: 'left' }, { positive: 'up', negative: 'left' })).toThrow(
      /x axis: expected \/zzz\/ to match at least one point, found none/,
    );
  });
});
