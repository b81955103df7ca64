import { describe, expect, it } from 'vitest';
import { normalizeLayout } from './layout.js';

describe('normalizeLayout', () => {
  it('centres, scales to the unit sphere and picks columns', () => {
    const out = normalizeLayout(new Float32Array([0, 9, 0, 2, 9, 0]), 3, [0, 2]);
    expect([...out]).toEqual([-1, 0, 0, 1, 0, 0]);
  });
  it('names a column that is not there', () => {
    expect(() => normalizeLayout(new Float32Array(4), 2, [0, 2])).toThrow(/Expected a column below 2, found 2/);
  });
});
