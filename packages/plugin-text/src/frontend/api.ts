/** The text plugin's routes as the dashboard calls them (see ../../http-api.md). */
import type { PluginFetch } from '@tb/ui';

/** tag -> the runs that have it. */
export type TagIndex = Map<string, Set<string>>;

/** One step's text. */
export interface TextEntry {
  readonly step: number;
  /** Seconds since the epoch. */
  readonly wallTime: number;
  /** Safe HTML, sanitized by the server. */
  readonly html: string;
}

/** Every text tag and its runs, tags sorted by name. */
export async function fetchTagIndex(fetch: PluginFetch): Promise<TagIndex> {
  const answer = await fetch.json<Record<string, unknown>>('tags');
  const index: TagIndex = new Map();
  for (const [run, tags] of Object.entries(answer ?? {})) {
    if (!Array.isArray(tags)) continue;
    for (const tag of tags) {
      if (typeof tag !== 'string') continue;
      if (!index.has(tag)) index.set(tag, new Set());
      index.get(tag)!.add(run);
    }
  }
  return new Map([...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The `text` route's query for (run, tag); markdown off asks for the text as written. */
export function textRoute(run: string, tag: string, markdown: boolean): string {
  return `text?run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}${markdown ? '' : '&markdown=false'}`;
}

/**
 * The kept steps of (run, tag), by ascending step for the slider. A step written twice
 * (a restart without SessionLog keeps both) shows its later write.
 */
export async function fetchText(fetch: PluginFetch, run: string, tag: string, markdown: boolean): Promise<TextEntry[]> {
  const answer = await fetch.json<{ wall_time: number; step: number; text: string }[]>(textRoute(run, tag, markdown));
  const byStep = new Map<number, TextEntry>();
  for (const e of answer ?? []) byStep.set(e.step, { step: e.step, wallTime: e.wall_time, html: typeof e.text === 'string' ? e.text : '' });
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}
