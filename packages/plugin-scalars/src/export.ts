/**
 * Export (tensorboard#1232): every point of the chosen runs and tags as one CSV,
 * `run,tag,step,wall_time,value`, for analysis elsewhere. Names are CSV-quoted where
 * needed, so any run or tag name (commas, quotes, tabs, newlines) reads back intact.
 */
import { NotFoundError, reprFloat, reprInt, type DataProvider, type LinearRegex } from '@tb/core/plugin';
import { csvField, csvRow } from './csv.js';
import { PLUGIN_NAME } from './metadata.js';
import { ALL_POINTS, listNames } from './series.js';

/** What to export. */
export interface ExportSelection {
  /** Runs in this order; empty or absent: every run with scalars, in the run list's order. */
  readonly runs?: readonly string[];
  /** Tags by name. With neither `tags` nor `tagRegex`: every tag. */
  readonly tags?: readonly string[];
  /** Tags whose name matches (a search, not a whole-name match); adds to `tags`. A `RegExp` also fits. */
  readonly tagRegex?: Pick<LinearRegex, 'test'>;
}

/** The export's header line, without its line end. */
export const EXPORT_HEADER = ['run', 'tag', 'step', 'wall_time', 'value'] as const;

/**
 * The CSV of `selection`: runs in order, each run's tags in the order they were first
 * written, each series' points as stored. Numbers as Python writes them (NaN as `nan`,
 * infinities as `inf` / `-inf`). Throws a {@link NotFoundError} for a named run without
 * scalars, or a named tag that none of the selected runs has.
 */
export function exportCsv(data: DataProvider, selection: ExportSelection): string {
  const listing = data.listTags(PLUGIN_NAME);
  const runs = selection.runs?.length ? [...new Set(selection.runs)] : data.listRuns().map((r) => r.name).filter((r) => listing.has(r));
  const missingRun = runs.find((r) => !listing.has(r));
  if (missingRun !== undefined) {
    throw new NotFoundError(`cannot export run ${JSON.stringify(missingRun)}: expected a run with scalars, found none by that name`);
  }
  const named = new Set(selection.tags ?? []);
  const all = named.size === 0 && !selection.tagRegex;
  const wanted = (tag: string) => all || named.has(tag) || (selection.tagRegex?.test(tag) ?? false);

  const chunks: string[] = [csvRow(EXPORT_HEADER)];
  const seen = new Set<string>();
  for (const run of runs) {
    const runField = csvField(run);
    for (const tag of listing.get(run)!.keys()) {
      if (!wanted(tag)) continue;
      seen.add(tag);
      const series = data.readScalars(PLUGIN_NAME, run, tag, ALL_POINTS);
      if (!series) continue;
      const prefix = `${runField},${csvField(tag)},`;
      for (let i = 0; i < series.step.length; i++) {
        chunks.push(`${prefix}${reprInt(series.step[i]!)},${reprFloat(series.wallTime[i]!)},${reprFloat(series.value[i]!)}\r\n`);
      }
    }
  }
  const missingTag = [...named].find((t) => !seen.has(t));
  if (missingTag !== undefined) {
    throw new NotFoundError(`cannot export tag ${JSON.stringify(missingTag)}: expected a scalar tag of the runs ${listNames(runs)}, found it in none`);
  }
  return chunks.join('');
}
