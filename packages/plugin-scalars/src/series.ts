/**
 * One scalar series, read in full, and written as TensorBoard's `scalars` answer:
 * `[[wall_time, step, value], ...]`, with NaN and +-Infinity as the JSON strings
 * "NaN", "Infinity" and "-Infinity", and numbers as Python writes them.
 */
import { cachedJson, NotFoundError, reprFloat, reprInt, type Answer, type DataProvider, type ScalarSeries } from '@tb/core/plugin';
import { downsampleSeries } from './downsample.js';
import { PLUGIN_NAME } from './metadata.js';

/** Every point: scalars are stored in full, so the provider returns them all. */
export const ALL_POINTS = { downsample: Number.MAX_SAFE_INTEGER } as const;

/** How many names an error message lists before it says "...". */
const LISTED = 10;

/**
 * The full series of (run, tag). Throws a {@link NotFoundError} naming the run (and the
 * runs that have scalars) or the tag (and the run's tags) when either is unknown.
 */
export function readSeries(data: DataProvider, run: string, tag: string): ScalarSeries {
  const series = data.readScalars(PLUGIN_NAME, run, tag, ALL_POINTS);
  if (series) return series;
  const tags = data.listTags(PLUGIN_NAME, { runs: [run] }).get(run);
  if (!tags) {
    const withScalars = data.listTags(PLUGIN_NAME);
    const runs = data.listRuns().map((r) => r.name).filter((name) => withScalars.has(name));
    throw new NotFoundError(`no scalars for run ${JSON.stringify(run)}: expected one of the runs with scalars, ${listNames(runs)}`);
  }
  throw new NotFoundError(`run ${JSON.stringify(run)} has no scalar tag ${JSON.stringify(tag)}: its tags are ${listNames([...tags.keys()])}`);
}

/** Names for an error message, quoted, the first ten of them: `"a", "b" and 3 more`. */
export function listNames(list: readonly string[]): string {
  if (list.length === 0) return '(none)';
  const shown = list.slice(0, LISTED).map((n) => JSON.stringify(n)).join(', ');
  return list.length > LISTED ? `${shown} and ${list.length - LISTED} more` : shown;
}

/** A value as TensorBoard's JSON writes it: a number, or a string for NaN and +-Infinity. */
export function jsonValue(x: number): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  return reprFloat(x);
}

/**
 * The series as the JSON text TensorBoard sends, byte for byte:
 * `[[1795464633.7831602, 0, 0.0], [1795464633.783211, 1, 0.10000000149011612]]`.
 */
export function seriesJson(series: ScalarSeries): string {
  const points: string[] = new Array<string>(series.step.length);
  for (let i = 0; i < points.length; i++) {
    points[i] = `[${jsonValue(series.wallTime[i]!)}, ${reprInt(series.step[i]!)}, ${jsonValue(series.value[i]!)}]`;
  }
  return `[${points.join(', ')}]`;
}

/**
 * The `scalars` JSON answer for (run, tag), downsampled to about `downsample` points when
 * given: kept between requests while the series does not change (see cachedJson in @tb/core/plugin).
 * Throws a {@link NotFoundError} as {@link readSeries} does.
 */
export function seriesAnswer(data: DataProvider, run: string, tag: string, downsample?: number): Answer {
  const version = data.seriesVersion?.(PLUGIN_NAME, run, tag);
  const key = JSON.stringify(['scalars', run, tag, downsample ?? null]);
  return cachedJson(data, key, version, () => seriesJson(downsampleSeries(readSeries(data, run, tag), downsample)));
}
