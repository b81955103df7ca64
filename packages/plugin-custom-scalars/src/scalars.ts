/**
 * The `/scalars` answer: for one run, every scalar tag that a regular expression matches
 * from its start (Python's `re.match`), with its points, as TensorBoard's JSON
 * `{"regex_valid": true, "tag_to_events": {"loss": [[wall_time, step, value], ...]}}`.
 * The pattern runs in linear time (RE2); an empty, invalid or unsupported pattern
 * answers `regex_valid: false`, as TensorBoard answers a pattern Python cannot compile.
 */
import { compileRegex, InvalidArgumentError, type DataProvider, type LinearRegex, type ScalarSeries } from '@tb/core/plugin';
import { SCALARS_PLUGIN_NAME } from './metadata.js';
import { jsonFloat } from './python-repr.js';
import { reprInt } from '@tb/core/plugin';

const ALL = { downsample: Number.MAX_SAFE_INTEGER } as const;
const INVALID = '{"regex_valid": false, "tag_to_events": {}}';

/**
 * `pattern` compiled to match at the start of a tag, or null when it is empty or cannot
 * be compiled for linear-time matching.
 */
export function tagMatcher(pattern: string): LinearRegex | null {
  if (!pattern) return null;
  try {
    // Compiled alone first, so that a pattern like `a)|(b` is not made valid by the group around it.
    compileRegex(pattern, '', 'tag');
    return compileRegex(`^(?:${pattern})`, '', 'tag');
  } catch (err) {
    if (err instanceof InvalidArgumentError) return null;
    throw err;
  }
}

/** A series as `[[wall_time, step, value], ...]` in TensorBoard's text. */
export function eventsJson(series: ScalarSeries): string {
  const points = new Array<string>(series.step.length);
  for (let i = 0; i < points.length; i++) {
    points[i] = `[${jsonFloat(series.wallTime[i]!)}, ${reprInt(series.step[i]!)}, ${jsonFloat(series.value[i]!)}]`;
  }
  return `[${points.join(', ')}]`;
}

/** The scalar tags of `run` that `regex` matches, in the run's tag order; none for an unknown run. */
export function matchingTags(data: DataProvider, run: string, regex: LinearRegex): string[] {
  const tags = data.listTags(SCALARS_PLUGIN_NAME, { runs: [run] }).get(run);
  return tags ? [...tags.keys()].filter((tag) => regex.test(tag)) : [];
}

/** The answer for (run, pattern) as TensorBoard's JSON text. */
export function scalarsImpl(data: DataProvider, run: string, pattern: string): string {
  const regex = tagMatcher(pattern);
  if (!regex) return INVALID;
  const entries: string[] = [];
  for (const tag of matchingTags(data, run, regex)) {
    const series = data.readScalars(SCALARS_PLUGIN_NAME, run, tag, ALL);
    if (series) entries.push(`${JSON.stringify(tag)}: ${eventsJson(series)}`);
  }
  return `{"regex_valid": true, "tag_to_events": {${entries.join(', ')}}}`;
}
