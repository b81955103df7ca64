import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from './prng.js';
import { SpTree } from './sptree.js';

/** Exact repulsion of point i: sum over j != i of q^2 (y_i - y_j), and sum of q. */
function exact(y: Float64Array, n: number, dims: number, i: number): { force: number[]; sumQ: number } {
  const force = new Array<number>(dims).fill(0);
  let sumQ = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    let d2 = 0;
    for (let t = 0; t < dims; t++) d2 += (y[i * dims + t]! - y[j * dims + t]!) ** 2;
    const q = 1 / (1 + d2);
    sumQ += q;
    for (let t = 0; t < dims; t++) force[t]! += q * q * (y[i * dims + t]! - y[j * dims + t]!);
  }
  return { force, sumQ };
}

describe.each([2, 3] as const)('SpTree in %d-D', (dims) => {
  const n = 400;
  const g = gaussian(mulberry32(dims));
  const y = Float64Array.from({ length: n * dims }, () => 3 * g());
  // Two identical points, which must not split forever.
  for (let t = 0; t < dims; t++) y[dims + t] = y[t]!;

  it('with theta 0 gives the exact forces', () => {
    const tree = new SpTree(dims, n);
    tree.build(y, n);
    const out = new Float64Array(dims);
    for (const i of [0, 1, 7, 399]) {
      const want = exact(y, n, dims, i);
      expect(tree.repulsion(y, i, 0, out, 0)).toBeCloseTo(want.sumQ, 9);
      for (let t = 0; t < dims; t++) expect(out[t]!).toBeCloseTo(want.force[t]!, 9);
    }
  });

  it('with theta 0.5 stays within a few percent of them', () => {
    const tree = new SpTree(dims, n);
    tree.build(y, n);
    const out = new Float64Array(dims);
    for (const i of [5, 50, 200]) {
      const want = exact(y, n, dims, i);
      expect(Math.abs(tree.repulsion(y, i, 0.5, out, 0) - want.sumQ) / want.sumQ).toBeLessThan(0.03);
      const norm = Math.hypot(...want.force);
      for (let t = 0; t < dims; t++) expect(Math.abs(out[t]! - want.force[t]!)).toBeLessThan(0.05 * norm);
    }
  });
});
