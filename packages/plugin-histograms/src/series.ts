/**
 * The histograms of (run, tag), as TensorBoard answers them: `[[wall_time, step,
 * [[left, right, count], ...]], ...]`, from TF2 [k, 3] tensors and legacy
 * HistogramProtos alike (@tb/core converts the latter); and their nine-point
 * compression for the Distributions view.
 */
import { cachedJson, NotFoundError, type Answer, type DataProvider, type TensorDatum } from '@tb/core/plugin';
import { bucketCount, COMPACT_ABOVE, compactJson, fullJson } from './compact.js';
import { compressHistogram, type Bucket } from './compress.js';
import { PLUGIN_NAME } from './metadata.js';

/** One step's histogram. */
export type HistogramEvent = [wallTime: number, step: number, buckets: Bucket[]];
/** One step's compressed histogram. */
export type DistributionEvent = [wallTime: number, step: number, points: [number, number][]];

/** How many names an error message lists before it says "...". */
const LISTED = 10;

/**
 * The histograms of (run, tag), at most `downsample` of them (evenly spread, the last
 * always kept). Throws a {@link NotFoundError} naming what exists when either is unknown.
 */
export function readHistograms(data: DataProvider, run: string, tag: string, downsample = Number.MAX_SAFE_INTEGER): HistogramEvent[] {
  const series = data.readTensors(PLUGIN_NAME, run, tag, { downsample });
  if (!series) throw notFound(data, run, tag);
  return series.map(toEvent);
}

/**
 * The `histograms` JSON answer, kept between requests while the series does not change.
 * `full` false (the default): an answer of more than {@link COMPACT_ABOVE} buckets in all
 * is re-binned onto the 30 bins the page draws (see compact.ts); `full` true: every
 * bucket as stored, as TensorBoard answers.
 */
export function histogramsAnswer(data: DataProvider, run: string, tag: string, o: { downsample?: number; full?: boolean } = {}): Answer {
  const downsample = o.downsample ?? Number.MAX_SAFE_INTEGER;
  const version = data.seriesVersion?.(PLUGIN_NAME, run, tag);
  const key = JSON.stringify(['histograms', run, tag, downsample, o.full === true]);
  return cachedJson(data, key, version, () => {
    const series = data.readTensors(PLUGIN_NAME, run, tag, { downsample });
    if (!series) throw notFound(data, run, tag);
    return (!o.full && bucketCount(series) > COMPACT_ABOVE && compactJson(series)) || fullJson(series);
  });
}

/** The Distributions answer: each histogram compressed to the nine basis points. */
export function readDistributions(data: DataProvider, run: string, tag: string, downsample?: number): DistributionEvent[] {
  return readHistograms(data, run, tag, downsample).map(([wall, step, buckets]) => [wall, step, compressHistogram(buckets)]);
}

/** A [k, 3] tensor as buckets; any other shape is an empty histogram. */
export function bucketsOf(datum: TensorDatum): Bucket[] {
  const { shape, numbers } = datum.value;
  if (shape.length !== 2 || shape[1] !== 3) return [];
  const out: Bucket[] = [];
  for (let i = 0; i + 2 < numbers.length; i += 3) out.push([numbers[i]!, numbers[i + 1]!, numbers[i + 2]!]);
  return out;
}

function toEvent(datum: TensorDatum): HistogramEvent {
  return [datum.wallTime, datum.step, bucketsOf(datum)];
}

function notFound(data: DataProvider, run: string, tag: string): NotFoundError {
  const tags = data.listTags(PLUGIN_NAME, { runs: [run] }).get(run);
  if (!tags) {
    const withHistograms = data.listTags(PLUGIN_NAME);
    const runs = data.listRuns().map((r) => r.name).filter((name) => withHistograms.has(name));
    return new NotFoundError(`no histograms for run ${JSON.stringify(run)}: expected one of the runs with histograms, ${listNames(runs)}`);
  }
  return new NotFoundError(`run ${JSON.stringify(run)} has no histogram tag ${JSON.stringify(tag)}: its tags are ${listNames([...tags.keys()])}`);
}

/** Names for an error message, quoted, the first ten of them. */
export function listNames(list: readonly string[]): string {
  if (list.length === 0) return '(none)';
  const shown = list.slice(0, LISTED).map((n) => JSON.stringify(n)).join(', ');
  return list.length > LISTED ? `${shown} and ${list.length - LISTED} more` : shown;
}
