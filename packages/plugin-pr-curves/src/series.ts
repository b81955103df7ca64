/**
 * The PR curves of a tag over runs (TensorBoard's `pr_curves` answer) and every run's PR
 * curve tags (its `tags` answer).
 */
import { InvalidArgumentError, markdownToSafeHtml, type DataProvider } from '@tb/core/plugin';
import { isKnownVersion, PLUGIN_NAME } from './metadata.js';
import { makePrEntry, type PrEntry } from './pr-entry.js';

/** `{run: {tag: {displayName, description}}}`; the description is markdown rendered to safe HTML. */
export type TagsAnswer = Record<string, Record<string, { displayName: string; description: string }>>;

/** `{run: [entry per step, oldest first]}`. */
export type PrCurvesAnswer = Record<string, PrEntry[]>;

/** Every run with PR curve tags, each tag with its display name and description. */
export function tagsImpl(data: DataProvider): TagsAnswer {
  const out: TagsAnswer = {};
  for (const [run, tags] of data.listTags(PLUGIN_NAME)) {
    const answer: TagsAnswer[string] = {};
    for (const [tag, info] of tags) {
      if (!isKnownVersion(info.pluginContent)) continue;
      answer[tag] = { displayName: info.displayName, description: markdownToSafeHtml(info.description) };
    }
    out[run] = answer;
  }
  return out;
}

/**
 * The PR curve of `tag` in each of `runs`, at most `downsample` steps each (evenly spread,
 * the last kept). An {@link InvalidArgumentError} (400, as TensorBoard) when no run is
 * given or a run has no such tag.
 */
export function prCurvesImpl(data: DataProvider, runs: readonly string[], tag: string, downsample: number): PrCurvesAnswer {
  if (runs.length === 0) throw new InvalidArgumentError('No runs provided when fetching PR curve data: expected ?run=NAME (repeatable), found none');
  if (tag === '') throw new InvalidArgumentError('No tag provided when fetching PR curve data: expected ?tag=NAME, found an empty tag');
  const out: PrCurvesAnswer = {};
  for (const run of runs) {
    const series = data.readTensors(PLUGIN_NAME, run, tag, { downsample });
    if (!series) throw new InvalidArgumentError(`No PR curves could be found for run ${JSON.stringify(run)} and tag ${JSON.stringify(tag)}: ${knownTags(data, run)}`);
    out[run] = series.map((d) => makePrEntry(d.step, d.wallTime, d.value));
  }
  return out;
}

function knownTags(data: DataProvider, run: string): string {
  const tags = data.listTags(PLUGIN_NAME, { runs: [run] }).get(run);
  if (tags) return `its PR curve tags are ${[...tags.keys()].map((t) => JSON.stringify(t)).join(', ')}`;
  const runs = [...data.listTags(PLUGIN_NAME).keys()];
  return `the runs with PR curves are ${runs.map((r) => JSON.stringify(r)).join(', ') || '(none)'}`;
}
