import { expect, it } from 'vitest';
import { jsonFloat, reprFloat, reprInt } from './python-repr.js';

it("writes floats as Python's repr and JSON values as TensorBoard's", () => {
  expect([2, 0.5, 1e-5, 1e16, 123456789.5, -0, 0.1].map(reprFloat)).toEqual(['2.0', '0.5', '1e-05', '1e+16', '123456789.5', '-0.0', '0.1']);
  expect([NaN, Infinity, -Infinity, 1].map(jsonFloat)).toEqual(['"NaN"', '"Infinity"', '"-Infinity"', '1.0']);
  expect(reprInt(2 ** 62)).toBe('4611686018427387904');
});
