import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './eigen.js';
import { mulberry32 } from './prng.js';

describe('symmetricEigen (Jacobi)', () => {
  it('orders the values of a diagonal matrix, largest first', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(1, 0, 0, 0, 3, 0, 0, 0, 2), 3);
    expect(Array.from(values)).toEqual([3, 2, 1]);
    expect(Math.abs(vectors[1]!)).toBe(1);
  });

  it('gives orthonormal eigenvectors of a random symmetric 30 x 30 matrix', () => {
    const d = 30;
    const u = mulberry32(3);
    const m = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) m[i * d + j] = m[j * d + i] = 2 * u() - 1;
    const { values, vectors } = symmetricEigen(m, d);
    for (let a = 0; a < d; a++) {
      if (a > 0) expect(values[a]!).toBeLessThanOrEqual(values[a - 1]!);
      for (let i = 0; i < d; i++) {
        let mv = 0;
        for (let j = 0; j < d; j++) mv += m[i * d + j]! * vectors[a * d + j]!;
        expect(Math.abs(mv - values[a]! * vectors[a * d + i]!)).toBeLessThan(1e-9);
      }
      for (let b = 0; b < d; b++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += vectors[a * d + j]! * vectors[b * d + j]!;
        expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-9);
      }
    }
  });

  it('says what size it expected', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow('symmetricEigen: expected 2x2 = 4 elements, found 5');
  });
});
