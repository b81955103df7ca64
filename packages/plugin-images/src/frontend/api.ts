/** The images plugin's routes as the dashboard calls them (see ../../http-api.md). */
import type { PluginFetch } from '@tb/ui';

/** One step's image of one sample. */
export interface ImageEntry {
  readonly wallTime: number;
  readonly step: number;
  readonly width: number;
  readonly height: number;
  /** The absolute URL of the encoded image. */
  readonly url: string;
}

/** tag -> run -> most samples per step. */
export type TagIndex = Map<string, Map<string, number>>;

export async function fetchTagIndex(fetch: PluginFetch): Promise<TagIndex> {
  const answer = await fetch.json<Record<string, Record<string, { samples?: number }>>>('tags');
  const index: TagIndex = new Map();
  for (const [run, tags] of Object.entries(answer ?? {})) {
    for (const [tag, info] of Object.entries(tags ?? {})) {
      if (!index.has(tag)) index.set(tag, new Map());
      index.get(tag)!.set(run, Math.max(1, Number(info?.samples) || 1));
    }
  }
  return new Map([...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The images of one sample of (run, tag), by ascending step for the slider. A step
 * written twice (a restart without SessionLog) is shown once, as its key serves the
 * first write.
 */
export async function fetchImages(fetch: PluginFetch, run: string, tag: string, sample: number): Promise<ImageEntry[]> {
  const q = `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}&sample=${sample}`;
  const answer = await fetch.json<{ wall_time: number; step: number; width?: number; height?: number; query: string }[]>(`images?${q}`);
  const byStep = new Map<number, ImageEntry>();
  for (const e of answer) {
    if (byStep.has(e.step)) continue;
    byStep.set(e.step, { wallTime: e.wall_time, step: e.step, width: e.width ?? 0, height: e.height ?? 0, url: fetch.url(`individualImage?${e.query}`) });
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/**
 * Whether a failed fetch was the server's 404: the run has no images for the tag (or
 * no longer has them), which a card says plainly instead of as an error.
 */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}
