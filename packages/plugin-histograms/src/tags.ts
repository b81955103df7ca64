/** The `tags` answer: `{run: {tag: {displayName, description}}}` for every histogram tag. */
import type { DataProvider } from '@tb/core';
import { PLUGIN_NAME } from './metadata.js';

export type TagsAnswer = Record<string, Record<string, { displayName: string; description: string }>>;

export function tagsImpl(data: DataProvider): TagsAnswer {
  // Object.fromEntries, not assignment: a run or tag named `__proto__` stays a key.
  return Object.fromEntries(
    [...data.listTags(PLUGIN_NAME)].map(([run, tags]) => [
      run,
      Object.fromEntries([...tags].map(([tag, info]) => [tag, { displayName: info.displayName, description: escapeHtml(info.description) }])),
    ]),
  );
}

/** Descriptions are shown as text: escaped, never raw HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
