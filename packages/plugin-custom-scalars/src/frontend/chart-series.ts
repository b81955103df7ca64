/**
 * A chart's data as lines and bands, from the `/scalars` answers of its runs: a
 * multiline chart has a line per run and matched tag; a margin chart a line per run and
 * series, with the band between its lower and upper tags at the value's steps.
 */
import type { ChartSpec, Point, RegexAnswer } from './api.js';

/** One drawn line. */
export interface Line {
  /** Unique within the chart: `run\u0000tag`. */
  readonly key: string;
  readonly run: string;
  readonly tag: string;
  /** The line's index among its run's lines: picks its dash pattern. */
  readonly index: number;
  readonly points: readonly Point[];
  /** For margin series: the lower and upper bound at each point (NaN where missing). */
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

/** The regexes a chart asks the server for, per run: its tag regexes, or its series' exact tags. */
export function chartRegexes(chart: ChartSpec, exact: (tag: string) => string): string[] {
  if (chart.margin) return [...new Set(chart.margin.series.flatMap((s) => [s.value, s.lower, s.upper]).filter(Boolean).map(exact))];
  return [...new Set(chart.multiline?.tag ?? [])];
}

/** The chart's title: its own, else its regexes joined, else "untitled". */
export function chartTitle(chart: ChartSpec): string {
  if (chart.title) return chart.title;
  const tags = chart.margin ? chart.margin.series.map((s) => s.value) : (chart.multiline?.tag ?? []);
  return tags.length > 0 ? tags.join(', ') : 'untitled';
}

/** Every tag's points from a run's answers (the first answer that has the tag wins). */
function mergedTags(answers: readonly RegexAnswer[]): Map<string, readonly Point[]> {
  const tags = new Map<string, readonly Point[]>();
  for (const answer of answers) for (const [tag, points] of answer.tags) if (!tags.has(tag)) tags.set(tag, points);
  return tags;
}

/** The values of `points` at `steps` (the last point of a step wins), NaN where it has none. */
function valuesAt(points: readonly Point[] | undefined, steps: readonly Point[]): Float64Array {
  const byStep = new Map<number, number>();
  for (const p of points ?? []) byStep.set(p.step, p.value);
  return Float64Array.from(steps, (p) => byStep.get(p.step) ?? NaN);
}

/**
 * The lines of `chart` for `runs` (in order), given each run's answers to
 * {@link chartRegexes}. Tags keep the order in which the answers list them.
 */
export function chartLines(chart: ChartSpec, runs: readonly string[], answersOf: (run: string) => readonly RegexAnswer[]): Line[] {
  const lines: Line[] = [];
  for (const run of runs) {
    const tags = mergedTags(answersOf(run));
    if (chart.margin) {
      chart.margin.series.forEach((s, index) => {
        const points = tags.get(s.value);
        if (!points) return;
        lines.push({ key: `${run}\u0000${s.value}`, run, tag: s.value, index, points, lower: valuesAt(tags.get(s.lower), points), upper: valuesAt(tags.get(s.upper), points) });
      });
    } else {
      let index = 0;
      for (const [tag, points] of tags) lines.push({ key: `${run}\u0000${tag}`, run, tag, index: index++, points });
    }
  }
  return lines;
}

/** The regexes of a chart that the server found invalid (empty, bad syntax or not linear-time). */
export function invalidRegexes(regexes: readonly string[], answers: readonly RegexAnswer[]): string[] {
  return regexes.filter((_, i) => answers[i] && !answers[i]!.valid);
}
