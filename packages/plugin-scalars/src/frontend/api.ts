/**
 * The scalars plugin's routes as the dashboard calls them (see ../../http-api.md):
 * the tag listing, one tag for many runs in one POST, and the URLs of downloads.
 */
import type { PluginFetch } from '@tb/ui';
import { seriesByRun, type ScalarSeries } from './series.js';

/** Fewest points asked per series, so a narrow card does not refetch when it grows a little. */
export const MIN_DOWNSAMPLE = 500;
/** Most points asked per series (a 5000 px wide chart). */
export const MAX_DOWNSAMPLE = 10_000;
const DOWNSAMPLE_GRAIN = 250;

/**
 * The `downsample` for a chart `widthPx` CSS pixels wide: about two points per pixel,
 * rounded up to a multiple of 250 so that small resizes reuse what was fetched.
 *
 * @example downsampleFor(480) // 1000
 */
export function downsampleFor(widthPx: number): number {
  const wanted = Math.ceil((2 * Math.max(0, widthPx)) / DOWNSAMPLE_GRAIN) * DOWNSAMPLE_GRAIN;
  return Math.min(MAX_DOWNSAMPLE, Math.max(MIN_DOWNSAMPLE, wanted));
}

/** GET tags: `{run: {tag: {displayName, description}}}` (checked by tag-index.ts). */
export function fetchTags(fetch: PluginFetch, signal?: AbortSignal): Promise<unknown> {
  return fetch.json<unknown>('tags', signal ? { signal } : undefined);
}

/** The form body of `scalars_multirun`: `tag=T&runs=a&runs=b[&downsample=N]`. */
export function multirunBody(tag: string, runs: readonly string[], downsample?: number): URLSearchParams {
  const body = new URLSearchParams({ tag });
  for (const run of runs) body.append('runs', run);
  if (downsample !== undefined) body.set('downsample', String(downsample));
  return body;
}

/** POST scalars_multirun: the series of `tag` for each of `runs` that has it. */
export async function fetchMultirun(
  fetch: PluginFetch,
  tag: string,
  runs: readonly string[],
  downsample?: number,
): Promise<Map<string, ScalarSeries>> {
  const answer = await fetch.json<unknown>('scalars_multirun', { method: 'POST', body: multirunBody(tag, runs, downsample) });
  return seriesByRun(answer);
}

/** The route of one series (`format` csv or json), for a download link. */
export function seriesRoute(run: string, tag: string, format: 'csv' | 'json'): string {
  const q = new URLSearchParams({ run, tag });
  if (format === 'csv') q.set('format', 'csv');
  return `scalars?${q}`;
}

/** The route of the CSV export of `runs` x `tags` (every tag when `tags` is empty). */
export function exportRoute(runs: readonly string[], tags: readonly string[], tagRegex?: string): string {
  const q = new URLSearchParams();
  for (const r of runs) q.append('runs', r);
  for (const t of tags) q.append('tags', t);
  if (tagRegex) q.set('tagRegex', tagRegex);
  return `export?${q}`;
}
