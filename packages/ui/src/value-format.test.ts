import { describe, expect, it } from 'vitest';
import { formatValue } from './value-format.js';

describe('formatValue', () => {
  it('keeps five significant digits by default, without trailing zeros', () => {
    expect(formatValue(0.8689000010490417)).toBe('0.8689');
    expect(formatValue(1.1257576942443848)).toBe('1.1258');
    expect(formatValue(0.356723)).toBe('0.35672');
    expect(formatValue(128)).toBe('128');
    expect(formatValue(-2.5)).toBe('-2.5');
    expect(formatValue(99999)).toBe('99999');
  });

  it('switches to exponents from 1e5 and below 1e-3', () => {
    expect(formatValue(123456)).toBe('1.2346e+5');
    expect(formatValue(100000)).toBe('1e+5');
    expect(formatValue(0.001)).toBe('0.001');
    expect(formatValue(0.0001)).toBe('1e-4');
    expect(formatValue(-0.00031415)).toBe('-3.1415e-4');
  });

  it('takes fewer digits when asked', () => {
    expect(formatValue(0.012345, 3)).toBe('0.0123');
    expect(formatValue(123456, 3)).toBe('1.23e+5');
    expect(formatValue(1.5, 0)).toBe('2');
  });

  it('spells out zero, NaN and the infinities', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(Infinity)).toBe('Infinity');
    expect(formatValue(-Infinity)).toBe('-Infinity');
  });
});
