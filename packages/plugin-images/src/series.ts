/**
 * The images of (run, tag): TensorBoard's `images` answer per sample index, the `tags`
 * answer with each tag's sample count, and the bytes behind a key.
 */
import { markdownToSafeHtml, NotFoundError, type BlobSequenceDatum, type DataProvider } from '@tb/core/plugin';
import { decodeImageKey, encodeImageKey } from './image-key.js';
import { PLUGIN_NAME } from './metadata.js';

const ALL = { downsample: Number.MAX_SAFE_INTEGER };
const utf8 = new TextDecoder();

export type TagsAnswer = Record<string, Record<string, { displayName: string; description: string; samples: number }>>;

/** One entry of the `images` answer. */
export interface ImageEntry {
  readonly wall_time: number;
  readonly step: number;
  /** Pixels, from the datum's first two blobs. */
  readonly width: number;
  readonly height: number;
  /** `blob_key=...` for individualImage. */
  readonly query: string;
}

/** Every run's image tags, with the most samples any step of the tag holds. */
export function tagsImpl(data: DataProvider): TagsAnswer {
  return Object.fromEntries(
    [...data.listTags(PLUGIN_NAME)].map(([run, tags]) => [
      run,
      Object.fromEntries(
        [...tags].map(([tag, info]) => {
          const series = data.readBlobSequences(PLUGIN_NAME, run, tag, ALL) ?? [];
          const samples = series.reduce((n, d) => Math.max(n, d.blobs.length - 2), 0);
          return [tag, { displayName: info.displayName, description: markdownToSafeHtml(info.description), samples }];
        }),
      ),
    ]),
  );
}

/** The steps of (run, tag) that have sample `sample`, with their keys and sizes. */
export async function imagesImpl(data: DataProvider, run: string, tag: string, sample: number): Promise<ImageEntry[]> {
  const series = readSeries(data, run, tag);
  const out: ImageEntry[] = [];
  for (const d of series) {
    if (d.blobs.length < 3 + sample) continue;
    const [width, height] = await Promise.all([dimension(data, d, 0), dimension(data, d, 1)]);
    out.push({ wall_time: d.wallTime, step: d.step, width, height, query: `blob_key=${encodeImageKey({ run, tag, step: d.step, index: 2 + sample })}` });
  }
  return out;
}

/**
 * The DataProvider's blob key of the image a `blob_key` names (it also names the event
 * file and offset, so it tells one write of a step from a rewrite); a
 * {@link NotFoundError} when it names nothing (any more).
 */
export function imageBlobKey(data: DataProvider, key: string): string {
  const k = decodeImageKey(key);
  const series = data.readBlobSequences(PLUGIN_NAME, k.run, k.tag, ALL);
  const datum = series?.find((d) => d.step === k.step);
  const blob = datum?.blobs[k.index];
  if (!blob || k.index < 2) {
    throw new NotFoundError(`no image for run ${JSON.stringify(k.run)}, tag ${JSON.stringify(k.tag)}, step ${k.step}, sample ${k.index - 2}: it may have been dropped by sampling or a restart`);
  }
  return blob.key;
}

function readSeries(data: DataProvider, run: string, tag: string): BlobSequenceDatum[] {
  const series = data.readBlobSequences(PLUGIN_NAME, run, tag, ALL);
  if (series) return series;
  const tags = data.listTags(PLUGIN_NAME, { runs: [run] }).get(run);
  if (!tags) {
    const withImages = data.listTags(PLUGIN_NAME);
    const runs = data.listRuns().map((r) => r.name).filter((n) => withImages.has(n));
    throw new NotFoundError(`no images for run ${JSON.stringify(run)}: the runs with images are ${runs.map((r) => JSON.stringify(r)).join(', ') || '(none)'}`);
  }
  throw new NotFoundError(`run ${JSON.stringify(run)} has no image tag ${JSON.stringify(tag)}: its tags are ${[...tags.keys()].map((t) => JSON.stringify(t)).join(', ')}`);
}

async function dimension(data: DataProvider, d: BlobSequenceDatum, i: 0 | 1): Promise<number> {
  const ref = d.blobs[i];
  if (!ref) return 0;
  try {
    const n = Number(utf8.decode(await data.readBlob(ref.key)));
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}
