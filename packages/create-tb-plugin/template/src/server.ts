/**
 * The route's pure function: reads the DataProvider, knows nothing of HTTP, so it can be
 * tested on a MemoryProvider. The route in index.ts only parses the request.
 */
import { NotFoundError, type DataProvider } from '@tb/core/plugin';
import { PLUGIN_NAME } from './metadata.js';

/** One (run, tag) series, summed up. */
export interface SeriesSummary {
  readonly run: string;
  readonly tag: string;
  /** How many points the series holds (all of them: no downsampling). */
  readonly points: number;
  readonly lastStep: number;
  readonly last: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Every run's scalar series of `PLUGIN_NAME`, or only those of `tag`, summed up, in run
 * then tag order. A `tag` that no run has is a 404 that names it.
 */
export function summarize(data: DataProvider, tag: string | undefined): SeriesSummary[] {
  const runs = data.listRuns().map((r) => r.name);
  const listing = data.listTags(PLUGIN_NAME, { runs });
  const out: SeriesSummary[] = [];
  for (const run of runs) {
    const tags = [...(listing.get(run)?.keys() ?? [])].filter((t) => tag === undefined || t === tag).sort();
    for (const t of tags) {
      const series = data.readScalars(PLUGIN_NAME, run, t, { downsample: Number.MAX_SAFE_INTEGER });
      if (!series || series.value.length === 0) continue;
      const n = series.value.length;
      let min = Infinity;
      let max = -Infinity;
      for (const v of series.value) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      out.push({ run, tag: t, points: n, lastStep: series.step[n - 1]!, last: series.value[n - 1]!, min, max });
    }
  }
  if (tag !== undefined && out.length === 0) throw new NotFoundError(`no run has the ${PLUGIN_NAME} tag ${JSON.stringify(tag)}`);
  return out;
}
