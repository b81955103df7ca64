/**
 * The `scalars_multirun` answer: one tag's series for several runs,
 * `{run: [[wall_time, step, value], ...]}`. As in TensorBoard, runs that do not exist or
 * lack the tag are left out rather than failing the request.
 */
import { downsampleSeries } from './downsample.js';
import { PLUGIN_NAME } from './metadata.js';
import { cachedJson, type Answer, type DataProvider, type ScalarSeries } from '@tb/core/plugin';
import { ALL_POINTS, seriesAnswer, seriesJson } from './series.js';

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

/**
 * The answer as JSON text, kept between requests while none of its series changes. Each
 * run's part is itself a kept `scalars` answer, so when one run grows only its part is
 * computed again. Without series versions from the provider, computed every time.
 */
export function multirunAnswer(data: DataProvider, tag: string, runs: readonly string[], downsample?: number): Answer {
  const unique = [...new Set(runs)];
  if (!data.seriesVersion) return { version: '', json: multirunJson(multirunImpl(data, tag, unique, downsample)) };
  const versions = unique.map((run) => data.seriesVersion!(PLUGIN_NAME, run, tag));
  const key = JSON.stringify(['scalars_multirun', tag, downsample ?? null, unique]);
  return cachedJson(data, key, versions.map((v) => v ?? '-').join('\n'), () => {
    const parts = unique.flatMap((run, i) => (versions[i] === undefined ? [] : [`${JSON.stringify(run)}: ${seriesAnswer(data, run, tag, downsample).json}`]));
    return `{${parts.join(', ')}}`;
  });
}
