/**
 * The `tags` answer: `{run: {tag: {displayName, description}}}` for every scalar tag,
 * with the description rendered from markdown to safe HTML, as TensorBoard sends it.
 */
import { markdownToSafeHtml, type DataProvider } from '@tb/core/plugin';
import { LATEST_DATA_VERSION, PLUGIN_NAME, parsePluginData } from './metadata.js';

/** One tag as the dashboard lists it. */
export interface TagEntry {
  readonly displayName: string;
  /** Safe HTML; '' when the tag has no description. */
  readonly description: string;
}

/** run -> tag -> entry, as JSON. */
export type TagsAnswer = Record<string, Record<string, TagEntry>>;

/**
 * Every run with scalar tags, and its tags. Tags whose plugin data is newer than this
 * plugin reads (or unreadable) are left out, as TensorBoard does; their run stays,
 * possibly with no tags.
 */
export function tagsImpl(data: DataProvider): TagsAnswer {
  // Object.fromEntries, not assignment: a run or tag named `__proto__` stays a key.
  return Object.fromEntries(
    [...data.listTags(PLUGIN_NAME)].map(([run, tags]) => [
      run,
      Object.fromEntries(
        [...tags]
          .filter(([, info]) => readable(info.pluginContent))
          .map(([tag, info]) => [tag, { displayName: info.displayName, description: markdownToSafeHtml(info.description) }]),
      ),
    ]),
  );
}

function readable(content: Uint8Array): boolean {
  try {
    return parsePluginData(content).version <= LATEST_DATA_VERSION;
  } catch {
    return false;
  }
}
