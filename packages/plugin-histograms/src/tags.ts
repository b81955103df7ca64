/** The `tags` answer: `{run: {tag: {displayName, description}}}` for every histogram tag (descriptions as safe HTML). */
import { markdownToSafeHtml, type DataProvider } from '@tb/core/plugin';
import { PLUGIN_NAME } from './metadata.js';

export type TagsAnswer = Record<string, Record<string, { displayName: string; description: string }>>;

export function tagsImpl(data: DataProvider): TagsAnswer {
  // Object.fromEntries, not assignment: a run or tag named `__proto__` stays a key.
  return Object.fromEntries(
    [...data.listTags(PLUGIN_NAME)].map(([run, tags]) => [
      run,
      Object.fromEntries([...tags].map(([tag, info]) => [tag, { displayName: info.displayName, description: markdownToSafeHtml(info.description) }])),
    ]),
  );
}
