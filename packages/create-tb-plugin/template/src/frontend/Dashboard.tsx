/**
 * The dashboard: a Preact component the tb-core page loads at run time (a module
 * federation remote built by tb-plugin-build). It gets DashboardProps from the page:
 * `fetch` reaches this plugin's routes, `selectedRuns` and `runColors` follow the run
 * selector, `reloadSignal` says when to refetch.
 */
import { Card, EmptyState, ErrorState, LoadingState, formatValue, useFetched, type DashboardProps } from '@tb/ui';
import type { SeriesSummary } from '../server.js';

export default function Dashboard({ fetch, selectedRuns, runColors, reloadSignal }: DashboardProps) {
  const rows = useFetched(() => fetch.json<SeriesSummary[]>('summary'), [reloadSignal]);
  if (rows.error) return <ErrorState error={rows.error} />;
  if (!rows.value) return <LoadingState label="Loading the summary" />;
  const shown = rows.value.filter((r) => selectedRuns.includes(r.run));
  if (shown.length === 0) return <EmptyState title="No data for the selected runs" />;
  return (
    <Card title="__TITLE__">
      <table data-testid="__ID__-summary">
        <thead>
          <tr>
            <th>Run</th>
            <th>Tag</th>
            <th>Points</th>
            <th>Last step</th>
            <th>Last</th>
            <th>Min</th>
            <th>Max</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.run}\u0000${r.tag}`} data-row={`${r.run}/${r.tag}`}>
              <td style={{ color: runColors[r.run] }}>{r.run}</td>
              <td>{r.tag}</td>
              <td>{r.points}</td>
              <td>{r.lastStep}</td>
              <td>{formatValue(r.last)}</td>
              <td>{formatValue(r.min)}</td>
              <td>{formatValue(r.max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
