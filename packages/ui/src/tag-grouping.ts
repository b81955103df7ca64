/**
 * TensorBoard's tag groups: tags are grouped by the part before their first `/`
 * (`train/loss` and `train/acc` form the group `train`); a tag without `/` is its
 * own group.
 */

/** One group of tags, in the order the tags were given. */
export interface TagGroup {
  /** The prefix before the first `/`, or the whole tag when it has none. */
  readonly name: string;
  readonly tags: readonly string[];
}

/** The group name of `tag`. */
export function tagGroupName(tag: string): string {
  const slash = tag.indexOf('/');
  return slash < 0 ? tag : tag.slice(0, slash);
}

/**
 * Groups `tags` by prefix; groups come in the order of their first tag.
 *
 * @example groupTags(['train/loss', 'train/acc', 'eval/loss'])
 * // [{ name: 'train', tags: ['train/loss', 'train/acc'] }, { name: 'eval', tags: ['eval/loss'] }]
 */
export function groupTags(tags: Iterable<string>): TagGroup[] {
  const groups = new Map<string, string[]>();
  for (const tag of tags) {
    const name = tagGroupName(tag);
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(tag);
  }
  return [...groups].map(([name, list]) => ({ name, tags: list }));
}
