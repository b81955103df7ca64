/**
 * The views of a TensorFlow/XLA profile (XSpace): "Op Stats", the per-op table, and
 * "Step Time", each step's duration as a column with a table beside it.
 */
import { Card, useFetched, type PluginFetch } from '@tb/ui';
import { profileRoute, type ProfileRef, type TableAnswer, type XplaneSteps } from './api.js';
import { ColumnTableView } from './ColumnTableView.js';
import { formatUs } from './format.js';
import { Loaded } from './Loaded.js';
import { TopBars } from './TopBars.js';

/** Props of the XSpace views. */
export interface XplaneViewProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly reloadSignal: number;
}

const deps = (p: XplaneViewProps) => [p.fetch, p.profile.run, p.profile.worker, p.profile.span, p.reloadSignal];

/** @example <OpStatsView fetch={fetch} profile={p} reloadSignal={0} /> */
export function OpStatsView(props: XplaneViewProps) {
  const stats = useFetched(() => props.fetch.json<TableAnswer>(profileRoute('xplane/op_stats', props.profile)), deps(props));
  return (
    <div class="tb-prof-view" data-testid="op-stats-view">
      <Loaded fetched={stats} label="Loading op statistics…" errorTitle="Could not load the op statistics" testId="op-stats">
        {(t) => (
          <Card title={t.metadata.title ?? 'Op Stats'} expandable={false}>
            <ColumnTableView columns={t.data.columns} rows={t.data.rows} sortBy={t.metadata.sort} searchPlaceholder="Search by op name" testId="op-stats-table" />
          </Card>
        )}
      </Loaded>
    </div>
  );
}

/** @example <StepTimeView fetch={fetch} profile={p} reloadSignal={0} /> */
export function StepTimeView(props: XplaneViewProps) {
  const steps = useFetched(() => props.fetch.json<XplaneSteps>(profileRoute('xplane/steps', props.profile)), deps(props));
  return (
    <div class="tb-prof-view" data-testid="step-time-view">
      <Loaded fetched={steps} label="Loading step times…" errorTitle="Could not load the step times" testId="step-time">
        {(s) => {
          const valid = s.steps.filter((x) => Number.isFinite(x.durationUs));
          const mean = valid.length ? valid.reduce((t, x) => t + x.durationUs, 0) / valid.length : Number.NaN;
          return (
            <Card title="Step Time" subtitle={`${valid.length} steps · mean ${formatUs(mean)}`} expandable={false}>
              <TopBars entries={valid.map((x) => [`Step ${x.step}`, x.durationUs] as const)} n={valid.length} keepOrder color="var(--tb-accent)" format={formatUs} testId="step-time-bars" />
            </Card>
          );
        }}
      </Loaded>
    </div>
  );
}
