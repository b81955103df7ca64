/**
 * PCA: centre the data, form the d x d covariance on the backend (one X^T X product),
 * take its top eigenvectors by Jacobi rotations (./eigen.ts), project on the backend.
 * Each component's largest-magnitude entry is made positive, so results repeat.
 */
import { symmetricEigen } from './eigen.js';
import type { JobContext } from './job-context.js';
import type { PcaResult } from './jobs.js';
import type { Kernels } from './kernels.js';
import { checkData } from './shape.js';

/** Principal components of `data` (n x d) with `components` kept. */
export async function pca(kernels: Kernels, data: Float32Array, n: number, d: number, components: number, ctx: JobContext): Promise<PcaResult> {
  checkData('pca', data, n, d);
  if (!Number.isInteger(components) || components < 1 || components > d) {
    throw new RangeError(`pca: expected components between 1 and ${d}, found ${components}`);
  }
  if (n < 2) throw new RangeError(`pca: expected at least 2 points, found ${n}`);
  ctx.progress({ fraction: 0, message: 'centring' });
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  // Both layouts of the centred data: X^T for the covariance product (tfjs's own
  // transposed matmul is several times slower on WASM), X for the projection.
  const centred = new Float32Array(n * d);
  const centredT = new Float32Array(d * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]! - mean[j]!;
      centred[i * d + j] = v;
      centredT[j * n + i] = v;
    }
  }
  await ctx.pause();
  ctx.progress({ fraction: 0.2, message: 'covariance' });
  const gram = await kernels.matmul(centredT, centred, d, n, d);
  const cov = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) cov[i * d + j] = (gram[i * d + j]! + gram[j * d + i]!) / (2 * (n - 1));
  }
  await ctx.pause();
  ctx.progress({ fraction: 0.5, message: 'eigenvectors' });
  const { values, vectors } = symmetricEigen(cov, d);
  let total = 0;
  for (let i = 0; i < d; i++) total += Math.max(values[i]!, 0);
  const comps = new Float32Array(components * d);
  for (let c = 0; c < components; c++) {
    const row = vectors.subarray(c * d, c * d + d);
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(row[j]!) > Math.abs(big)) big = row[j]!;
    const sign = big < 0 ? -1 : 1;
    for (let j = 0; j < d; j++) comps[c * d + j] = sign * row[j]!;
  }
  await ctx.pause();
  ctx.progress({ fraction: 0.8, message: 'projecting' });
  // projected = centred (n x d) times comps^T (d x components).
  const compsT = new Float32Array(d * components);
  for (let c = 0; c < components; c++) for (let j = 0; j < d; j++) compsT[j * components + c] = comps[c * d + j]!;
  const projected = await kernels.matmul(centred, compsT, n, d, components);
  const variance = Array.from(values.subarray(0, components), (v) => (total > 0 ? Math.max(v, 0) / total : 0));
  ctx.progress({ fraction: 1 });
  return { projected, components: comps, variance };
}
