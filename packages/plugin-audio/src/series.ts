/**
 * The audio of (run, tag): TensorBoard's `tags` answer with each tag's clip count, the
 * `audio` answer per sample index, and the blob behind a key. Each step's blobs are its
 * `[k, 2]` string tensor row by row (legacy `Summary.Audio` is one such row):
 * `[clip0, label0, clip1, label1, ...]`, so clip `i` is blob `2i` and its label `2i + 1`.
 */
import { markdownToSafeHtml, NotFoundError, type BlobSequenceDatum, type DataProvider } from '@tb/core/plugin';
import { encodeAudioKey, decodeAudioKey } from './audio-key.js';
import { audioContentType, PLUGIN_NAME } from './metadata.js';

const ALL = { downsample: Number.MAX_SAFE_INTEGER };
const utf8 = new TextDecoder();

export type TagsAnswer = Record<string, Record<string, { displayName: string; description: string; samples: number }>>;

/** One entry of the `audio` answer. */
export interface AudioEntry {
  readonly wall_time: number;
  /**
   * The clip's label, markdown rendered to safe HTML, when asked for (`labels`); else ''
   * as TensorBoard 2.x answers (its data_compat drops the labels).
   */
  readonly label: string;
  readonly step: number;
  readonly contentType: string;
  /** `blob_key=...&content_type=...` for individualAudio. */
  readonly query: string;
}

/** How many clips a step holds: two blobs (clip, label) per clip. */
export function clipCount(d: BlobSequenceDatum): number {
  return Math.ceil(d.blobs.length / 2);
}

/** Every run's audio tags, with the most clips any step of the tag holds. */
export function tagsImpl(data: DataProvider): TagsAnswer {
  return Object.fromEntries(
    [...data.listTags(PLUGIN_NAME)].map(([run, tags]) => [
      run,
      Object.fromEntries(
        [...tags].map(([tag, info]) => {
          const series = data.readBlobSequences(PLUGIN_NAME, run, tag, ALL) ?? [];
          const samples = series.reduce((n, d) => Math.max(n, clipCount(d)), 0);
          return [tag, { displayName: info.displayName, description: markdownToSafeHtml(info.description), samples }];
        }),
      ),
    ]),
  );
}

/** The content type of (run, tag)'s clips, from its encoding; a {@link NotFoundError} when it has none. */
export function contentTypeOf(data: DataProvider, run: string, tag: string): string {
  const info = data.listTags(PLUGIN_NAME, { runs: [run] }).get(run)?.get(tag);
  if (!info) throw notFound(data, run, tag);
  return audioContentType(info.pluginContent);
}

/**
 * The steps of (run, tag) that have clip `sample`, in the order written, with their keys;
 * with `labels`, each clip's label too (one small read per step).
 */
export async function audioImpl(data: DataProvider, run: string, tag: string, sample: number, labels = false): Promise<AudioEntry[]> {
  const series = data.readBlobSequences(PLUGIN_NAME, run, tag, ALL);
  if (!series) throw notFound(data, run, tag);
  const contentType = contentTypeOf(data, run, tag);
  const kept = series.filter((d) => clipCount(d) > sample);
  const texts = labels ? await Promise.all(kept.map((d) => label(data, d, sample))) : [];
  return kept.map((d, i) => ({
    wall_time: d.wallTime,
    label: texts[i] ?? '',
    step: d.step,
    contentType,
    query: new URLSearchParams({ blob_key: encodeAudioKey({ run, tag, step: d.step, sample }), content_type: contentType }).toString(),
  }));
}

/**
 * The DataProvider's blob key of the clip a `blob_key` names (it also names the event
 * file and offset, so it tells one write of a step from a rewrite); a
 * {@link NotFoundError} when it names nothing (any more).
 */
export function audioBlobKey(data: DataProvider, key: string): { blob: string; run: string; tag: string } {
  const k = decodeAudioKey(key);
  const series = data.readBlobSequences(PLUGIN_NAME, k.run, k.tag, ALL);
  const blob = series?.find((d) => d.step === k.step)?.blobs[2 * k.sample];
  if (!blob) {
    throw new NotFoundError(`no audio for run ${JSON.stringify(k.run)}, tag ${JSON.stringify(k.tag)}, step ${k.step}, sample ${k.sample}: it may have been dropped by sampling or a restart`);
  }
  return { blob: blob.key, run: k.run, tag: k.tag };
}

async function label(data: DataProvider, d: BlobSequenceDatum, sample: number): Promise<string> {
  const ref = d.blobs[2 * sample + 1];
  if (!ref) return '';
  try {
    return markdownToSafeHtml(utf8.decode(await data.readBlob(ref.key)));
  } catch {
    return '';
  }
}

function notFound(data: DataProvider, run: string, tag: string): NotFoundError {
  const withAudio = data.listTags(PLUGIN_NAME);
  const tags = withAudio.get(run);
  if (!tags) {
    const runs = data.listRuns().map((r) => r.name).filter((n) => withAudio.has(n));
    return new NotFoundError(`no audio for run ${JSON.stringify(run)}: the runs with audio are ${runs.map((r) => JSON.stringify(r)).join(', ') || '(none)'}`);
  }
  return new NotFoundError(`run ${JSON.stringify(run)} has no audio tag ${JSON.stringify(tag)}: its tags are ${[...tags.keys()].map((t) => JSON.stringify(t)).join(', ')}`);
}
