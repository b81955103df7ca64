/**
 * The DataProvider, every method: an overview of a log root as a plugin would read it.
 * Data is keyed by (run, tag) within one plugin name; series reads take `downsample`,
 * the most points to return.
 */
import type { DataProvider } from '@tb/core/plugin';

/** What `overview` returns. */
export interface Overview {
  readonly runs: string[];
  readonly pluginNames: string[];
  /** run -> tag -> how many points a read with `downsample` returned, and the last step. */
  readonly scalars: Record<string, Record<string, { points: number; lastStep: number }>>;
  readonly tensors: number;
  /** The first blob of the first image read, in bytes. */
  readonly firstImageBytes: number;
  readonly files: string[];
  readonly firstFile: string;
}

/** Reads a little of everything the log root holds, at most `downsample` points per series. */
export async function overview(data: DataProvider, downsample: number): Promise<Overview> {
  const runs = data.listRuns().map((r) => r.name);
  const scalars: Overview['scalars'] = {};
  for (const [run, tags] of data.listTags('scalars')) {
    for (const tag of tags.keys()) {
      const s = data.readScalars('scalars', run, tag, { downsample });
      if (s) (scalars[run] ??= {})[tag] = { points: s.step.length, lastStep: s.step[s.step.length - 1]! };
    }
  }
  let tensors = 0;
  for (const [run, tags] of data.listTags('text')) for (const tag of tags.keys()) tensors += data.readTensors('text', run, tag, { downsample })?.length ?? 0;
  let firstImageBytes = 0;
  const [imageRun, imageTags] = [...data.listTags('images')][0] ?? [];
  const imageTag = imageTags ? [...imageTags.keys()][0] : undefined;
  if (imageRun !== undefined && imageTag !== undefined) {
    const key = data.readBlobSequences('images', imageRun, imageTag, { downsample: 1 })?.[0]?.blobs[0]?.key;
    if (key) firstImageBytes = (await data.readBlob(key)).length;
  }
  const files = (await data.listFiles(/\.tsv$/)).map((f) => f.path);
  const firstFile = files[0] === undefined ? '' : new TextDecoder().decode(await data.readFile(files[0]));
  return { runs, pluginNames: data.listPluginNames(), scalars, tensors, firstImageBytes, files, firstFile };
}
