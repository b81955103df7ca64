import { describe, expect, it } from 'vitest';
import { pyRound } from './py-round.js';

describe('pyRound (Python round semantics)', () => {
  it('sends exact halves to the even neighbour', () => {
    expect([0.5, 1.5, 2.5, -2.5, 3.5].map((x) => pyRound(x))).toEqual([0, 2, 2, -2, 4]);
    expect(pyRound(0.125, 2)).toBe(0.12);
    expect(pyRound(0.375, 2)).toBe(0.38);
  });
  it('rounds values stored just above or below a half by their exact binary value', () => {
    expect(pyRound(0.025, 2)).toBe(0.03); // 0.02500000000000000138...
    expect(pyRound(2.675, 2)).toBe(2.67); // 2.67499999999999982236...
    expect(pyRound(1.005, 2)).toBe(1); // 1.00499999999999989342...
  });
  it('leaves integers and non-finite values alone', () => {
    expect(pyRound(80756)).toBe(80756);
    expect(pyRound(Number.NaN)).toBeNaN();
    expect(pyRound(12.3456, 2)).toBe(12.35);
  });
});
