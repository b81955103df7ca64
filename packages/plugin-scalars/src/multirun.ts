/**
 * The `scalars_multirun` answer: one tag's series for several runs,
 * `{run: [[wall_time, step, value], ...]}`. As in TensorBoard, runs that do not exist or
 * lack the tag are left out rather than failing the request.
 */
import type { DataProvider, ScalarSeries } from '@tb/core/plugin';
import { downsampleSeries } from './downsample.js';
import { PLUGIN_NAME } from './metadata.js';
import { ALL_POINTS, seriesJson } from './series.js';

/**
 * run -> series of `tag`, in the order the runs were asked for (repeats once), each
 * downsampled to about `downsample` points when given.
 */
export function multirunImpl(data: DataProvider, tag: string, runs: readonly string[], downsample?: number): Map<string, ScalarSeries> {
  const out = new Map<string, ScalarSeries>();
  for (const run of runs) {
    if (out.has(run)) continue;
    const series = data.readScalars(PLUGIN_NAME, run, tag, ALL_POINTS);
    if (series) out.set(run, downsampleSeries(series, downsample));
  }
  return out;
}

/** The answer as JSON text, numbers written as TensorBoard writes them (see {@link seriesJson}). */
export function multirunJson(byRun: ReadonlyMap<string, ScalarSeries>): string {
  const entries = [...byRun].map(([run, series]) => `${JSON.stringify(run)}: ${seriesJson(series)}`);
  return `{${entries.join(', ')}}`;
}
