/**
 * The Kernel view: the share of kernel time using Tensor Cores, the top kernels by
 * total time, and the sortable, searchable kernel table grouped by kernel or by kernel
 * and operator (blocks per SM, estimated achieved occupancy, Tensor Cores used).
 */
import { Card, useFetched, type PluginFetch } from '@tb/ui';
import { useState } from 'preact/hooks';
import { profileRoute, type PieData, type ProfileRef, type TableAnswer } from './api.js';
import { ChartChoice, type ChartKind } from './ChartChoice.js';
import { ColumnTableView } from './ColumnTableView.js';
import { formatPercent, formatUs } from './format.js';
import { Loaded } from './Loaded.js';
import { Pie } from './Pie.js';
import { Segmented } from './Segmented.js';
import { TopBars } from './TopBars.js';

/** Props of {@link KernelView}. */
export interface KernelViewProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly reloadSignal: number;
}

const GROUPS = [
  { value: 'Kernel', label: 'Kernel' },
  { value: 'KernelNameAndOpName', label: 'Kernel + Operator' },
] as const;
type Group = (typeof GROUPS)[number]['value'];

/** @example <KernelView fetch={fetch} profile={p} reloadSignal={0} /> */
export function KernelView({ fetch, profile, reloadSignal }: KernelViewProps) {
  const [groupBy, setGroupBy] = useState<Group>('Kernel');
  const [chart, setChart] = useState<ChartKind>('bars');
  const base = [fetch, profile.run, profile.worker, profile.span, reloadSignal];
  const tc = useFetched(() => fetch.json<{ total: PieData }>(profileRoute('kernel/tc_pie', profile)), base);
  const top = useFetched(() => fetch.json<{ total: PieData }>(profileRoute('kernel', profile, { group_by: 'Kernel' })), base);
  const table = useFetched(() => fetch.json<TableAnswer>(profileRoute('kernel/table', profile, { group_by: groupBy })), [...base, groupBy]);
  return (
    <div class="tb-prof-view" data-testid="kernel-view">
      <div class="tb-prof-row">
        <Card title="Tensor Cores Utilization" subtitle="Share of kernel time" expandable={false} testId="tc-pie">
          <Loaded fetched={tc} label="Loading…" errorTitle="Could not load the Tensor Cores share">
            {(p) => <Pie slices={p.total.rows.map(([label, value]) => ({ label, value }))} format={(v) => formatPercent(v * 100)} />}
          </Loaded>
        </Card>
        <Card title="Top kernels" subtitle="By total time" expandable={false} actions={<ChartChoice value={chart} onChange={setChart} />}>
          <Loaded fetched={top} label="Loading kernels…" errorTitle="Could not load the kernel times">
            {(p) =>
              p.total.rows.length === 0 ? (
                <p class="tb-prof-note">This profile has no GPU kernels.</p>
              ) : chart === 'bars' ? (
                <TopBars entries={p.total.rows} format={formatUs} testId="kernel-top" />
              ) : (
                <Pie slices={p.total.rows.map(([label, value]) => ({ label, value }))} format={formatUs} maxSlices={11} />
              )
            }
          </Loaded>
        </Card>
      </div>
      <div class="tb-prof-toolbar">
        <Segmented label="Group by" options={GROUPS} value={groupBy} onChange={setGroupBy} testId="kernel-group-by" />
      </div>
      <Card title="Kernels" expandable={false}>
        <Loaded fetched={table} label="Loading the kernel table…" errorTitle="Could not load the kernel table" testId="kernel-table">
          {(t) => <ColumnTableView key={groupBy} columns={t.data.columns} rows={t.data.rows} sortBy={t.metadata.sort} searchPlaceholder="Search by kernel name" testId="kernel-table" />}
        </Loaded>
      </Card>
    </div>
  );
}
