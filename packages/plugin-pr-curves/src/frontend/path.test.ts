import { describe, expect, it } from 'vitest';
import { linePath } from './path.js';

describe('linePath', () => {
  it('draws through every point, breaking at a coordinate that is not finite', () => {
    const id = (v: number) => v * 10;
    expect(linePath([0, 0.5, 1], [1, 0.5, 0.123], id, id)).toBe('M0,10L5,5L10,1.23');
    expect(linePath([0, NaN, 1, 1], [1, 1, 0, 1], id, id)).toBe('M0,10M10,0L10,10');
    expect(linePath([], [], id, id)).toBe('');
  });
});
