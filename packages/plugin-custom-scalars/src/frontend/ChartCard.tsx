/**
 * A layout chart as a card: asks the server, per selected run, for the tags its regexes
 * (or its margin series' exact tags) match, and draws them as one chart with a legend of
 * its lines. Invalid regexes are named under the chart. A reload asks again only for the
 * runs whose data changed.
 */
import { Card, ErrorState, LoadingState, RunName, useFetched, type PluginFetch } from '@tb/ui';
import { useRef } from 'preact/hooks';
import { exactTagRegex, fetchRegex, type ChartSpec, type RegexAnswer } from './api.js';
import { chartLines, chartRegexes, chartTitle, invalidRegexes } from './chart-series.js';
import { dashOf, LineChart } from './LineChart.js';

/** Props of {@link ChartCard}. */
export interface ChartCardProps {
  readonly chart: ChartSpec;
  readonly runs: readonly string[];
  readonly fetch: PluginFetch;
  readonly colorOf: (run: string) => string;
  /** A data version per run: the card refetches a run's data when it changes. */
  readonly versionOf: (run: string) => number;
}

/** One layout chart in a card, with its legend. */
export function ChartCard({ chart, runs, fetch, colorOf, versionOf }: ChartCardProps) {
  const regexes = chartRegexes(chart, exactTagRegex);
  const runKey = runs.map((r) => `${r}@${versionOf(r)}`).join('\n');
  /** Each run's answers by `run@version`, so a reload asks again only for the runs that changed. */
  const cache = useRef(new Map<string, Promise<RegexAnswer[]>>());
  const data = useFetched(
    async () => {
      const keys = new Map(runs.map((run) => [run, `${run}@${versionOf(run)}\n${regexes.join('\n')}`]));
      const kept = new Map<string, Promise<RegexAnswer[]>>();
      for (const [run, key] of keys) {
        const cached = cache.current.get(key);
        if (cached) {
          kept.set(key, cached);
          continue;
        }
        const fresh = Promise.all(regexes.map((re) => fetchRegex(fetch, run, re)));
        // A failed answer is not kept: a retry asks again.
        fresh.catch(() => cache.current.get(key) === fresh && cache.current.delete(key));
        kept.set(key, fresh);
      }
      cache.current = kept;
      const answers = new Map<string, RegexAnswer[]>();
      await Promise.all(runs.map(async (run) => answers.set(run, await kept.get(keys.get(run)!)!)));
      return answers;
    },
    [fetch, runKey, regexes.join('\n')],
    regexes.length > 0,
  );
  const title = chartTitle(chart);
  const answers = data.value;
  const lines = answers ? chartLines(chart, runs, (run) => answers.get(run) ?? []) : [];
  const invalid = answers && runs[0] !== undefined ? invalidRegexes(regexes, answers.get(runs[0]) ?? []) : [];
  const showTags = lines.some((l) => l.index > 0) || chart.margin !== undefined || (chart.multiline?.tag.length ?? 0) > 1;
  const subtitle = chart.margin ? 'margin chart' : (chart.multiline?.tag ?? []).join(', ');

  let body;
  if (regexes.length === 0) body = <p class="cs-note">This chart names no tags.</p>;
  else if (data.error && !answers) body = <ErrorState title="Could not load this chart" error={data.error} onRetry={data.retry} />;
  else if (!answers) body = <LoadingState label="Loading scalars" />;
  else if (runs.length === 0) body = <p class="cs-note">Select runs to draw this chart.</p>;
  else if (lines.length === 0 && invalid.length === regexes.length) body = null;
  else if (lines.length === 0) body = <p class="cs-note">No tag of the selected runs matches {regexes.length > 1 ? 'these regular expressions' : 'this regular expression'}.</p>;
  else body = <LineChart lines={lines} colorOf={colorOf} showTags={showTags} />;

  return (
    <Card title={title} subtitle={subtitle} testId="cs-chart-card">
      {body}
      {invalid.length > 0 && (
        <p class="cs-note cs-note--warning" data-testid="invalid-regex">
          Not a valid regular expression: {invalid.map((re) => <code key={re}>{re}</code>)}
        </p>
      )}
      {lines.length > 0 && (
        <ul class="cs-legend" data-testid="chart-legend">
          {lines.map((line) => (
            <li key={line.key}>
              <svg width="22" height="8" aria-hidden="true">
                <line x1="1" x2="21" y1="4" y2="4" stroke={colorOf(line.run)} stroke-width="2" stroke-dasharray={dashOf(line.index) || undefined} />
              </svg>
              <RunName name={line.run} />
              {showTags && <span class="cs-legend__tag">{line.tag}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
