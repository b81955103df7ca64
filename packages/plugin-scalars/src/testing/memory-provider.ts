/**
 * Test support: a DataProvider over series given in memory, for names and values no
 * real log holds (commas, quotes and newlines in names, `__proto__`, newer plugin data).
 */
import type { DataProvider, ScalarSeries, TagInfo, TagListing } from '@tb/core';
import { PLUGIN_NAME } from '../metadata.js';

/** One tag's points as [wall_time, step, value], plus optional metadata. */
export interface MemoryTag {
  readonly points: readonly (readonly [number, number, number])[];
  readonly description?: string;
  readonly pluginContent?: Uint8Array;
}

/** A provider whose scalars are `runs` (run -> tag -> points), runs listed in the given order. */
export function memoryProvider(runs: Readonly<Record<string, Readonly<Record<string, MemoryTag>>>>): DataProvider {
  const entries = Object.entries(runs);
  const info = (tag: string, t: MemoryTag): TagInfo => ({
    displayName: tag,
    description: t.description ?? '',
    dataClass: 'scalar',
    pluginName: PLUGIN_NAME,
    pluginContent: t.pluginContent ?? new Uint8Array(),
    maxStep: Math.max(...t.points.map((p) => p[1])),
    maxWallTime: Math.max(...t.points.map((p) => p[0])),
    count: t.points.length,
  });
  const column = (t: MemoryTag, k: 0 | 1 | 2) => Float64Array.from(t.points, (p) => p[k]);
  const tagOf = (run: string, tag: string): MemoryTag | undefined =>
    Object.hasOwn(runs, run) && Object.hasOwn(runs[run]!, tag) ? runs[run]![tag] : undefined;
  return {
    listRuns: () => entries.map(([name], i) => ({ name, startTime: i })),
    listTags(pluginName, filter): TagListing {
      const out: TagListing = new Map();
      if (pluginName !== PLUGIN_NAME) return out;
      for (const [run, tags] of entries) {
        if (filter?.runs && !filter.runs.includes(run)) continue;
        out.set(run, new Map(Object.entries(tags).map(([tag, t]) => [tag, info(tag, t)])));
      }
      return out;
    },
    readScalars(pluginName, run, tag): ScalarSeries | undefined {
      const t = pluginName === PLUGIN_NAME ? tagOf(run, tag) : undefined;
      return t && { wallTime: column(t, 0), step: column(t, 1), value: column(t, 2) };
    },
    readTensors: () => undefined,
    readBlobSequences: () => undefined,
    readBlob: () => Promise.reject(new Error('no blobs in memory')),
    listFiles: () => Promise.resolve([]),
    readFile: () => Promise.reject(new Error('no files in memory')),
  };
}
