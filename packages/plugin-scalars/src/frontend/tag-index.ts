/**
 * The `tags` answer (`{run: {tag: {displayName, description}}}`) turned around: for each
 * tag, the runs that have it, so the dashboard shows a card per tag that one of the
 * selected runs has, and a line per such run.
 */

/** One tag across runs. */
export interface TagInfo {
  readonly tag: string;
  readonly displayName: string;
  /** Safe HTML from the server ('' when none). */
  readonly description: string;
  readonly runs: ReadonlySet<string>;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Tag order: natural (`layer2` before `layer10`), case-insensitive, then exact. */
export function compareTags(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The tags of a `tags` answer, each with its runs; throws when the answer is not an object. */
export function indexTags(answer: unknown): Map<string, TagInfo> {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new TypeError(`expected the tags answer {run: {tag: {displayName, description}}}, found ${Array.isArray(answer) ? 'a list' : typeof answer}`);
  }
  const byTag = new Map<string, { displayName: string; description: string; runs: Set<string> }>();
  for (const [run, tags] of Object.entries(answer as Record<string, unknown>)) {
    if (typeof tags !== 'object' || tags === null) continue;
    for (const [tag, info] of Object.entries(tags as Record<string, unknown>)) {
      let entry = byTag.get(tag);
      if (!entry) {
        const meta = (typeof info === 'object' && info !== null ? info : {}) as { displayName?: unknown; description?: unknown };
        entry = {
          displayName: typeof meta.displayName === 'string' ? meta.displayName : '',
          description: typeof meta.description === 'string' ? meta.description : '',
          runs: new Set(),
        };
        byTag.set(tag, entry);
      }
      entry.runs.add(run);
    }
  }
  return new Map([...byTag].map(([tag, e]) => [tag, { tag, ...e }]));
}

/** The tags that at least one of `runs` has, in tag order. */
export function tagsOfRuns(index: ReadonlyMap<string, TagInfo>, runs: readonly string[]): string[] {
  return [...index.values()]
    .filter((info) => runs.some((r) => info.runs.has(r)))
    .map((info) => info.tag)
    .sort(compareTags);
}

/** The runs of `runs` (in that order) that have `info`'s tag. */
export function runsWithTag(info: TagInfo | undefined, runs: readonly string[]): string[] {
  return info ? runs.filter((r) => info.runs.has(r)) : [];
}
