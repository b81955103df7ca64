/**
 * A dashboard that uses every DashboardProps field. The page (tb-core's shell) renders it
 * as the plugin's tab; tb-plugin-build makes it a federated remote. `SummaryTable` is
 * the pure part (no hooks), so a test can call it.
 */
import { Card, EmptyState, ErrorState, LoadingState, useFetched, type DashboardProps } from '@tb/ui';

/** One row of the plugin's `/summary` route. */
export interface Row {
  readonly run: string;
  readonly last: number;
}

/** The selected runs' rows, coloured like everywhere else; a click shows the run in Scalars. */
export function SummaryTable(props: {
  readonly rows: readonly Row[];
  readonly runColors: DashboardProps['runColors'];
  readonly selectedRuns: DashboardProps['selectedRuns'];
  readonly changedRuns: DashboardProps['changedRuns'];
  readonly onShow: (run: string) => void;
}) {
  const shown = props.rows.filter((r) => props.selectedRuns.includes(r.run));
  if (shown.length === 0) return <EmptyState title="No runs selected" />;
  return (
    <table>
      <tbody>
        {shown.map((r) => (
          <tr key={r.run} data-run={r.run} class={props.changedRuns.includes(r.run) ? 'changed' : undefined}>
            <td style={{ color: props.runColors[r.run] }} onClick={() => props.onShow(r.run)}>
              {r.run}
            </td>
            <td>{r.last.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The tab. */
export default function Dashboard({ pluginId, runs, selectedRuns, runColors, fetch, settings, reloadSignal, changedRuns, selectRuns }: DashboardProps) {
  // Refetch whenever the page says data may have changed.
  const rows = useFetched(() => fetch.json<Row[]>('summary?tag=loss'), [reloadSignal]);
  if (rows.error) return <ErrorState error={rows.error} />;
  if (!rows.value) return <LoadingState label={`Loading ${pluginId}`} />;
  return (
    <Card title={`${pluginId}: ${selectedRuns.length} of ${runs.length} runs`}>
      {/* Colours come from the theme's CSS variables, which follow settings.darkMode. */}
      <div style={{ color: 'var(--tb-text-muted)' }}>{settings.darkMode ? 'dark' : 'light'} theme, auto-reload every {settings.reloadIntervalSec} s</div>
      <SummaryTable rows={rows.value} runColors={runColors} selectedRuns={selectedRuns} changedRuns={changedRuns} onShow={(run) => selectRuns([run], 'scalars')} />
      <a href={fetch.url('summary?tag=loss')} download="summary.json">
        Download
      </a>
    </Card>
  );
}
