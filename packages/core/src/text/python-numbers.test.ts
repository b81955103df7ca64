import { describe, expect, it } from 'vitest';
import { pyRound, reprFloat, reprInt } from './python-numbers.js';

describe('reprFloat', () => {
  // Each pair: a float and what Python 3's repr() prints for it.
  const python: [number, string][] = [
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [2, '2.0'],
    [-3, '-3.0'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [1.5e-5, '1.5e-05'],
    [0.0001, '0.0001'],
    [0.00012345, '0.00012345'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1234567890123456, '1234567890123456.0'],
    [12345678901234567, '1.2345678901234568e+16'],
    [1e22, '1e+22'],
    [1e-7, '1e-07'],
    [123.456, '123.456'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [1.401298464324817e-45, '1.401298464324817e-45'],
    [3.3999999521443642e38, '3.3999999521443642e+38'],
    [1795464366.3444595, '1795464366.3444595'],
    [100, '100.0'],
    [1e100, '1e+100'],
    [-2.5e-10, '-2.5e-10'],
    [9007199254740993, '9007199254740992.0'],
    [0.30000000000000004, '0.30000000000000004'],
    [2 ** 62, '4.611686018427388e+18'],
    [1e21, '1e+21'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [32, '32.0'],
    [0.001, '0.001'],
    [1e-4, '0.0001'],
    [1.5e300, '1.5e+300'],
    [-2.5, '-2.5'],
    [0.8039000034332275, '0.8039000034332275'],
  ];
  it.each(python)('writes %s as Python does (%s)', (x, expected) => {
    expect(reprFloat(x)).toBe(expected);
  });

  it('reads back to the same float', () => {
    for (let i = 0; i < 10_000; i++) {
      const x = (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 40 - 20);
      expect(Number(reprFloat(x))).toBe(x);
    }
  });
});

describe('reprInt', () => {
  it('writes every digit of a step, without an exponent', () => {
    expect(reprInt(-5)).toBe('-5');
    expect(reprInt(2 ** 62)).toBe('4611686018427387904');
    expect(reprInt(1e21)).toBe('1000000000000000000000');
  });
});

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
