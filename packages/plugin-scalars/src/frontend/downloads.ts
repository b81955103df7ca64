/**
 * The download menu of a card: the CSV of every shown run (the export route), the JSON
 * of every shown run (built by the card), and with few runs, each run's own CSV and JSON.
 */
import type { DownloadItem } from '@tb/ui';
import { exportRoute, seriesRoute } from './api.js';

/** With more runs than this, the menu offers only the all-runs files. */
export const MAX_PER_RUN_ITEMS = 6;

/** A file name from a tag or run: `/` and other awkward characters become `_`. */
export function fileName(...parts: readonly string[]): string {
  return parts.map((p) => p.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || '_').join('-');
}

/**
 * The items for `tag` shown for `runs`; `url` makes a route absolute (PluginFetch.url),
 * `onJson` downloads the JSON of all runs.
 */
export function cardDownloads(url: (route: string) => string, tag: string, runs: readonly string[], onJson: () => void): DownloadItem[] {
  const items: DownloadItem[] = [
    { label: runs.length === 1 ? 'CSV' : 'CSV (all runs)', href: url(exportRoute(runs, [tag])), filename: `${fileName(tag)}.csv` },
    { label: runs.length === 1 ? 'JSON' : 'JSON (all runs)', onSelect: onJson },
  ];
  if (runs.length > 1 && runs.length <= MAX_PER_RUN_ITEMS) {
    for (const run of runs) {
      items.push({ label: `CSV · ${run}`, href: url(seriesRoute(run, tag, 'csv')), filename: `${fileName(run, tag)}.csv` });
      items.push({ label: `JSON · ${run}`, href: url(seriesRoute(run, tag, 'json')), filename: `${fileName(run, tag)}.json` });
    }
  }
  return items;
}
