/**
 * Nearest neighbours of one point in the original space, by the compute runner's kNN
 * over the whole tensor. The kNN table is computed once per tensor and metric (with at
 * least {@link MIN_TABLE_K} neighbours, so later questions with a smaller k are free)
 * and kept while the tensor is.
 */
import { type ComputeRunner, InvalidArgumentError, type KnnMetric, type KnnResult } from '@tb/core/plugin';
import type { NeighborsResponse } from './api-types.js';
import type { Tensor2D } from './tsv.js';

/** The smallest k a table is computed with. */
export const MIN_TABLE_K = 100;

interface Table {
  readonly k: number;
  readonly result: Promise<KnnResult>;
}

const tables = new WeakMap<Float32Array, Map<KnnMetric, Table>>();

/**
 * The `k` nearest neighbours of row `index` of `t`, nearest first, itself left out.
 * @throws InvalidArgumentError for a row out of range or k < 1.
 */
export async function neighborsOf(runner: ComputeRunner, t: Tensor2D, index: number, k: number, metric: KnnMetric): Promise<NeighborsResponse> {
  if (!Number.isInteger(index) || index < 0 || index >= t.rows) throw new InvalidArgumentError(`index: expected a row from 0 to ${t.rows - 1}, found ${index}`);
  if (t.rows < 2) throw new InvalidArgumentError(`the tensor has ${t.rows} row; neighbours need at least 2`);
  const want = Math.min(k, t.rows - 1);
  let byMetric = tables.get(t.data);
  if (!byMetric) tables.set(t.data, (byMetric = new Map()));
  let table = byMetric.get(metric);
  if (!table || table.k < want) {
    const tk = Math.min(t.rows - 1, Math.max(want, MIN_TABLE_K));
    const result = runner.knn(t.data, t.rows, t.cols, { k: tk, metric });
    table = { k: tk, result };
    byMetric.set(metric, table);
    result.catch(() => {
      if (byMetric.get(metric) === table) byMetric.delete(metric);
    });
  }
  const { indices, distances } = await table.result;
  const neighbors = [];
  for (let j = 0; j < want; j++) neighbors.push({ index: indices[index * table.k + j]!, distance: distances[index * table.k + j]! });
  return { index, metric, neighbors };
}
