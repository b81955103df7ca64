/**
 * The text plugin's answers: every run's text tags, and the steps of (run, tag) with
 * their text rendered to safe HTML.
 */
import type { DataProvider, Logger, TensorValue } from '@tb/core/plugin';
import { isKnownVersion, PLUGIN_NAME, textDataVersion } from './metadata.js';
import { textToHtml } from './text-html.js';

/** The `tags` answer: run -> its text tags, in the order they were first written. */
export type TagsAnswer = Record<string, string[]>;

/** One entry of the `text` answer. */
export interface TextEntry {
  readonly wall_time: number;
  readonly step: number;
  /** The step's text as safe HTML. */
  readonly text: string;
}

/**
 * Every run with text tags and its tags. Tags whose plugin data is of a version this
 * plugin does not know (newer than TensorBoard reads) are left out, their run kept, as
 * TensorBoard does; `warn` is told once per tag.
 */
export function tagsImpl(data: DataProvider, warn: (run: string, tag: string, version: number | null) => void): TagsAnswer {
  const out: TagsAnswer = {};
  for (const [run, tags] of data.listTags(PLUGIN_NAME)) {
    out[run] = [];
    for (const [tag, info] of tags) {
      const version = textDataVersion(info.pluginContent);
      if (isKnownVersion(version)) out[run].push(tag);
      else warn(run, tag, version);
    }
  }
  return out;
}

/**
 * The kept steps of (run, tag), at most `downsample` of them (evenly spread, the last
 * always kept), in the order written, with the text as HTML: markdown rendered unless
 * `markdown` is false. An unknown run or tag has none: `[]`, as TensorBoard answers.
 */
export function textImpl(data: DataProvider, run: string, tag: string, markdown: boolean, downsample: number): TextEntry[] {
  const series = data.readTensors(PLUGIN_NAME, run, tag, { downsample });
  if (!series) return [];
  return series.map((d) => ({ wall_time: d.wallTime, step: d.step, text: renderedHtml(d.value, markdown) }));
}

/**
 * Each stored tensor's HTML, made once: a tensor the provider keeps is the same object
 * on every read (and is never changed), and goes with it when dropped by sampling or a
 * restart.
 */
const rendered = new WeakMap<TensorValue, { markdown?: string; plain?: string }>();

function renderedHtml(value: TensorValue, markdown: boolean): string {
  let entry = rendered.get(value);
  if (!entry) rendered.set(value, (entry = {}));
  const key = markdown ? 'markdown' : 'plain';
  return (entry[key] ??= textToHtml(value, markdown));
}

/** Writes TensorBoard's warning about data too new to read, once per (run, tag). */
export function versionWarner(logger: Logger): (run: string, tag: string, version: number | null) => void {
  const warned = new Set<string>();
  return (run, tag, version) => {
    const key = JSON.stringify([run, tag]);
    if (warned.has(key)) return;
    warned.add(key);
    const what = version === null ? 'plugin data that does not decode as TextPluginData' : `data version ${version}`;
    logger.warn(`text: run ${JSON.stringify(run)}, tag ${JSON.stringify(tag)} is left out: ${what} (this plugin reads version 0; a newer TensorBoard wrote it?)`);
  };
}
