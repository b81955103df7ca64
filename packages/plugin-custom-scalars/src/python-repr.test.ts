import { expect, it } from 'vitest';
import { jsonFloat } from './python-repr.js';

it("writes JSON floats as TensorBoard does: Python's repr, NaN and infinities as strings", () => {
  expect([NaN, Infinity, -Infinity, 1, 1e-5].map(jsonFloat)).toEqual(['"NaN"', '"Infinity"', '"-Infinity"', '1.0', '1e-05']);
});
