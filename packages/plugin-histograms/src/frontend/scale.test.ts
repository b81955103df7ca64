import { describe, expect, it } from 'vitest';
import { formatValue, linear, niceTicks } from './scale.js';

describe('scale', () => {
  it('maps linearly', () => {
    const f = linear(0, 10, 100, 0);
    expect([f(0), f(5), f(10)]).toEqual([100, 50, 0]);
  });
  it('makes round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.043, 0.051, 4)).toEqual([-0.04, -0.02, 0, 0.02, 0.04]);
    expect(niceTicks(0, 4, 4)).toEqual([0, 1, 2, 3, 4]);
  });
  it('formats values briefly', () => {
    expect([formatValue(0.012345), formatValue(-2), formatValue(0.0001234), formatValue(123456)]).toEqual(['0.0123', '-2', '1.23e-4', '1.23e+5']);
  });
});
