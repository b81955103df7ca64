import { describe, expect, it } from 'vitest';
import { reprFloat, reprInt } from './python-repr.js';

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
