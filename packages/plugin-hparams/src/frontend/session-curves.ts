/**
 * Which other scalar curves the session panel shows beside the metrics: every scalar tag
 * of the session's runs that is not one of its metrics (a training loss over steps,
 * say), one chart per tag with a line per run that has it.
 */

/** A chart of one tag, and the runs drawn on it. */
export interface TagChart {
  readonly tag: string;
  readonly runs: readonly string[];
}

/** At most this many other charts (a session may log hundreds of tags). */
export const MAX_OTHER_CHARTS = 6;

/**
 * The charts of `tags` (run -> scalar tags) for `runs`, leaving out `metrics` (the
 * [run, tag] pairs of the metric charts), by tag name, at most `max`.
 *
 * @example otherCharts({ 's/train': ['loss', 'acc'] }, ['s/train'], [['s/train', 'acc']]) // [{ tag: 'loss', runs: ['s/train'] }]
 */
export function otherCharts(
  tags: Readonly<Record<string, readonly string[]>>,
  runs: readonly string[],
  metrics: readonly (readonly [run: string, tag: string])[],
  max = MAX_OTHER_CHARTS,
): TagChart[] {
  const skip = new Set(metrics.map(([run, tag]) => JSON.stringify([run, tag])));
  const byTag = new Map<string, string[]>();
  for (const run of runs) {
    for (const tag of tags[run] ?? []) {
      if (skip.has(JSON.stringify([run, tag]))) continue;
      const list = byTag.get(tag) ?? [];
      list.push(run);
      byTag.set(tag, list);
    }
  }
  return [...byTag.keys()]
    .sort()
    .slice(0, max)
    .map((tag) => ({ tag, runs: byTag.get(tag)! }));
}
