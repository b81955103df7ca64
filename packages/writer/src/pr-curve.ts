/**
 * PR curve data as TensorBoard's pr_curves summary computes it: predictions bucketed
 * into `numThresholds` thresholds (i / (n - 1)), true and false positives counted at or
 * above each threshold, and the [6, n] table TP, FP, TN, FN, precision, recall.
 */

export const DEFAULT_THRESHOLDS = 127;

/** The 6 x n table, row-major. */
export function prCurveTable(labels: ArrayLike<number | boolean>, predictions: ArrayLike<number>, numThresholds = DEFAULT_THRESHOLDS): Float32Array {
  if (labels.length !== predictions.length) throw new RangeError(`pr curve: ${labels.length} labels but ${predictions.length} predictions`);
  if (!Number.isInteger(numThresholds) || numThresholds < 2) throw new RangeError(`pr curve: numThresholds should be >= 2, found ${numThresholds}`);
  const n = numThresholds;
  const tpBuckets = new Float64Array(n);
  const fpBuckets = new Float64Array(n);
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1, Math.max(0, predictions[i]!));
    const bucket = Math.floor(p * (n - 1));
    if (labels[i]) tpBuckets[bucket]! += 1;
    else fpBuckets[bucket]! += 1;
  }
  const out = new Float32Array(6 * n);
  let tp = 0;
  let fp = 0;
  for (let t = n - 1; t >= 0; t--) {
    tp += tpBuckets[t]!;
    fp += fpBuckets[t]!;
    out[t] = tp;
    out[n + t] = fp;
  }
  const totalTp = out[0]!;
  const totalFp = out[n]!;
  for (let t = 0; t < n; t++) {
    const tpT = out[t]!;
    const fpT = out[n + t]!;
    out[2 * n + t] = totalFp - fpT;
    out[3 * n + t] = totalTp - tpT;
    out[4 * n + t] = tpT / Math.max(1e-7, tpT + fpT);
    out[5 * n + t] = tpT / Math.max(1e-7, totalTp);
  }
  return out;
}
