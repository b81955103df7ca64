/**
 * The histograms plugin's routes as the dashboard calls them (see ../../http-api.md),
 * with their answers checked into typed arrays.
 */
import type { PluginFetch } from '@tb/ui';

/** One step's histogram: [left, right, count] buckets. */
export interface StepHistogram {
  readonly wallTime: number;
  readonly step: number;
  readonly buckets: readonly (readonly [number, number, number])[];
}

/** One step's nine compressed points: values at basis points 0, 668, ... 10000. */
export interface StepDistribution {
  readonly wallTime: number;
  readonly step: number;
  readonly values: readonly number[];
}

/** tag -> runs that have it, in the order the server lists them. */
export type TagIndex = Map<string, string[]>;

export async function fetchTagIndex(fetch: PluginFetch): Promise<TagIndex> {
  const answer = await fetch.json<Record<string, Record<string, unknown>>>('tags');
  const index: TagIndex = new Map();
  for (const [run, tags] of Object.entries(answer ?? {})) {
    for (const tag of Object.keys(tags ?? {})) index.set(tag, [...(index.get(tag) ?? []), run]);
  }
  return new Map([...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const query = (run: string, tag: string) => `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}`;

export async function fetchHistograms(fetch: PluginFetch, run: string, tag: string): Promise<StepHistogram[]> {
  const answer = await fetch.json<[number, number, [number, number, number][]][]>(`histograms?${query(run, tag)}`);
  return answer.map(([wallTime, step, buckets]) => ({ wallTime, step, buckets }));
}

export async function fetchDistributions(fetch: PluginFetch, run: string, tag: string): Promise<StepDistribution[]> {
  const answer = await fetch.json<[number, number, [number, number][]][]>(`distributions?${query(run, tag)}`);
  return answer.map(([wallTime, step, points]) => ({ wallTime, step, values: points.map(([, v]) => v) }));
}
