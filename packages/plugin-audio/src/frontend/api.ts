/** The audio plugin's routes as the dashboard calls them (see ../../http-api.md). */
import type { PluginFetch } from '@tb/ui';

/** What the tag index says of one (tag, run). */
export interface TagRunInfo {
  /** The most clips a step holds (at least 1). */
  readonly samples: number;
  /** The tag's description, already safe HTML ('' when none). */
  readonly description: string;
}

/** tag -> run -> info, tags sorted. */
export type TagIndex = Map<string, Map<string, TagRunInfo>>;

/** One clip of one step. */
export interface Clip {
  readonly sample: number;
  /** The label as safe HTML from the server ('' when none). */
  readonly label: string;
  readonly contentType: string;
  /** The absolute URL of the encoded clip. */
  readonly url: string;
}

/** The clips of one step, by sample index. */
export interface StepClips {
  readonly step: number;
  readonly wallTime: number;
  readonly clips: readonly Clip[];
}

export async function fetchTagIndex(fetch: PluginFetch): Promise<TagIndex> {
  const answer = await fetch.json<Record<string, Record<string, { samples?: number; description?: string }>>>('tags');
  const index: TagIndex = new Map();
  for (const [run, tags] of Object.entries(answer ?? {})) {
    for (const [tag, info] of Object.entries(tags ?? {})) {
      if (!index.has(tag)) index.set(tag, new Map());
      index.get(tag)!.set(run, { samples: Math.max(1, Number(info?.samples) || 1), description: String(info?.description ?? '') });
    }
  }
  return new Map([...index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface AudioAnswerEntry {
  readonly wall_time: number;
  readonly step: number;
  readonly label?: string;
  readonly contentType?: string;
  readonly query: string;
}

/**
 * Every clip of (run, tag) with its label, one request per sample index, as steps by
 * ascending step. A step written twice (a restart) is shown once, as its key serves the
 * first write.
 */
export async function fetchClips(fetch: PluginFetch, run: string, tag: string, samples: number): Promise<StepClips[]> {
  const base = `run=${encodeURIComponent(run)}&tag=${encodeURIComponent(tag)}&labels=true`;
  const answers = await Promise.all(Array.from({ length: samples }, (_, sample) => fetch.json<AudioAnswerEntry[]>(`audio?${base}&sample=${sample}`)));
  return mergeSamples(
    answers.map((entries, sample) =>
      entries.map((e) => ({
        step: e.step,
        wallTime: e.wall_time,
        clip: { sample, label: e.label ?? '', contentType: e.contentType ?? 'application/octet-stream', url: fetch.url(`individualAudio?${e.query}`) },
      })),
    ),
  );
}

/** Sample-major answers (`[sample][i]`) as one list of steps, each with its clips in sample order. */
export function mergeSamples(bySample: readonly (readonly { step: number; wallTime: number; clip: Clip }[])[]): StepClips[] {
  const steps = new Map<number, { step: number; wallTime: number; clips: Clip[] }>();
  for (const entries of bySample) {
    const seen = new Set<number>();
    for (const e of entries) {
      if (seen.has(e.step)) continue;
      seen.add(e.step);
      const s = steps.get(e.step) ?? { step: e.step, wallTime: e.wallTime, clips: [] };
      s.clips.push(e.clip);
      steps.set(e.step, s);
    }
  }
  return [...steps.values()].sort((a, b) => a.step - b.step);
}
