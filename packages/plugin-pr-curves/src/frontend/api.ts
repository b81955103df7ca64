/**
 * The dashboard's reads of its routes: the tags (as tag -> runs that have it) and the
 * curves of one tag over runs.
 */
import type { PluginFetch } from '@tb/ui';

/** One step of one run's PR curve, as the `pr_curves` route answers it. */
export interface PrEntry {
  readonly wall_time: number;
  readonly step: number;
  readonly precision: readonly number[];
  readonly recall: readonly number[];
  readonly true_positives: readonly number[];
  readonly false_positives: readonly number[];
  readonly true_negatives: readonly number[];
  readonly false_negatives: readonly number[];
  readonly thresholds: readonly number[];
}

/** `run -> steps, oldest first`. */
export type RunCurves = Readonly<Record<string, readonly PrEntry[]>>;

/** Every tag, in order, with the runs that have it and its display name. */
export interface TagIndex {
  readonly runsByTag: ReadonlyMap<string, ReadonlySet<string>>;
  readonly displayNames: ReadonlyMap<string, string>;
}

type TagsAnswer = Record<string, Record<string, { displayName: string; description: string }>>;

/** Inverts the `tags` answer (run -> tags) into tag -> runs, tags sorted. */
export function tagIndex(answer: TagsAnswer): TagIndex {
  const runsByTag = new Map<string, Set<string>>();
  const displayNames = new Map<string, string>();
  for (const [run, tags] of Object.entries(answer)) {
    for (const [tag, info] of Object.entries(tags)) {
      let runs = runsByTag.get(tag);
      if (!runs) runsByTag.set(tag, (runs = new Set()));
      runs.add(run);
      if (info.displayName && info.displayName !== tag) displayNames.set(tag, info.displayName);
    }
  }
  const sorted = new Map([...runsByTag].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { runsByTag: sorted, displayNames };
}

/** GETs `tags`. */
export async function fetchTagIndex(fetch: PluginFetch): Promise<TagIndex> {
  return tagIndex(await fetch.json<TagsAnswer>('tags'));
}

/** GETs the curves of `tag` for `runs` (at least one) in one request. */
export function fetchCurves(fetch: PluginFetch, tag: string, runs: readonly string[]): Promise<RunCurves> {
  const q = new URLSearchParams([...runs.map((r): [string, string] => ['run', r]), ['tag', tag]]);
  return fetch.json<RunCurves>(`pr_curves?${q.toString()}`);
}
