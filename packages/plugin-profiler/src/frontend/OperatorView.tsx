/**
 * The Operator view: the top operators by a chosen time (device/host, self/total) as
 * bars or a donut, and the sortable, searchable operator table, grouped by operator or
 * by operator and input shape, each row's call frames one click away.
 */
import { Card, useFetched, type PluginFetch } from '@tb/ui';
import { useState } from 'preact/hooks';
import { profileRoute, type OperationPies, type OperatorRow, type OperatorTable, type ProfileRef } from './api.js';
import { CallStack } from './CallStack.js';
import { ChartChoice, type ChartKind } from './ChartChoice.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { formatPercent, formatUs } from './format.js';
import { Loaded } from './Loaded.js';
import { Pie } from './Pie.js';
import { Segmented } from './Segmented.js';
import { TopBars } from './TopBars.js';

/** Props of {@link OperatorView}. */
export interface OperatorViewProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly reloadSignal: number;
}

type Metric = keyof OperationPies;
const METRICS: readonly { value: Metric; label: string }[] = [
  { value: 'device_self_time', label: 'Device self' },
  { value: 'device_total_time', label: 'Device total' },
  { value: 'host_self_time', label: 'Host self' },
  { value: 'host_total_time', label: 'Host total' },
];
const GROUPS = [
  { value: 'Operation', label: 'Operator' },
  { value: 'OperationAndInputShape', label: 'Operator + Input Shape' },
] as const;

const ratio = (v: number | undefined) => (v == null ? undefined : v * 100);

/**
 * The operator table's columns: Input Shape only when grouped by it; device and Tensor
 * Core columns only when the profile ran on a GPU (`gpu`).
 */
export function operatorColumns(byShape: boolean, gpu = true): DataColumn<OperatorRow>[] {
  const cols: (DataColumn<OperatorRow> | null)[] = [
    { key: 'name', label: 'Name', value: (r) => r.name },
    byShape ? { key: 'input_shape', label: 'Input Shape', value: (r) => r.input_shape, render: (r) => <code>{r.input_shape}</code> } : null,
    { key: 'calls', label: 'Calls', numeric: true, value: (r) => r.calls },
    gpu ? { key: 'device_self_duration', label: 'Device Self (µs)', numeric: true, value: (r) => r.device_self_duration } : null,
    gpu ? { key: 'device_total_duration', label: 'Device Total (µs)', numeric: true, value: (r) => r.device_total_duration } : null,
    { key: 'host_self_duration', label: 'Host Self (µs)', numeric: true, value: (r) => r.host_self_duration },
    { key: 'host_total_duration', label: 'Host Total (µs)', numeric: true, value: (r) => r.host_total_duration },
    !gpu ? null : { key: 'tc_eligible', label: 'Tensor Cores Eligible', value: (r) => r.tc_eligible, tooltip: 'Whether this operator can use Tensor Cores.' },
    !gpu ? null : { key: 'tc_self_ratio', label: 'Tensor Cores Self (%)', numeric: true, value: (r) => ratio(r.tc_self_ratio), render: (r) => formatPercent(ratio(r.tc_self_ratio)), tooltip: 'Time of self-kernels using Tensor Cores / time of self-kernels.' },
    !gpu ? null : { key: 'tc_total_ratio', label: 'Tensor Cores Total (%)', numeric: true, value: (r) => ratio(r.tc_total_ratio), render: (r) => formatPercent(ratio(r.tc_total_ratio)), tooltip: 'Time of kernels using Tensor Cores / time of kernels.' },
  ];
  return cols.filter((c): c is DataColumn<OperatorRow> => c !== null);
}

/** @example <OperatorView fetch={fetch} profile={p} reloadSignal={0} /> */
export function OperatorView({ fetch, profile, reloadSignal }: OperatorViewProps) {
  const [groupBy, setGroupBy] = useState<string>('Operation');
  const [metric, setMetric] = useState<Metric>('device_self_time');
  const [chart, setChart] = useState<ChartKind>('bars');
  const deps = [fetch, profile.run, profile.worker, profile.span, groupBy, reloadSignal];
  const pies = useFetched(() => fetch.json<OperationPies>(profileRoute('operation', profile, { group_by: groupBy })), deps);
  const table = useFetched(() => fetch.json<OperatorTable>(profileRoute('operation/table', profile, { group_by: groupBy })), deps);
  const byShape = groupBy === 'OperationAndInputShape';
  // A CPU-only profile has no device times: rank by host time, and show no device columns.
  const metrics = pies.value ? METRICS.filter((m) => pies.value![m.value]) : METRICS;
  const shown = metrics.some((m) => m.value === metric) ? metric : (metrics[0]?.value ?? metric);
  const gpu = table.value ? table.value.data.some((r) => r.device_self_duration !== undefined && r.device_self_duration !== null) : true;
  const columns = operatorColumns(byShape, gpu);
  return (
    <div class="tb-prof-view" data-testid="operator-view">
      <div class="tb-prof-toolbar">
        <Segmented label="Group by" options={GROUPS} value={groupBy} onChange={setGroupBy} testId="operator-group-by" />
      </div>
      <Card
        title="Top operators"
        expandable={false}
        actions={
          <>
            <select class="tb-input" aria-label="Time to rank by" value={shown} data-testid="operator-metric" onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
              {metrics.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
            <ChartChoice value={chart} onChange={setChart} />
          </>
        }
      >
        <Loaded fetched={pies} label="Loading operators…" errorTitle="Could not load the operator times">
          {(p) => {
            const rows = p[shown]?.rows ?? [];
            if (rows.length === 0) return <p class="tb-prof-note">No operator has {METRICS.find((m) => m.value === shown)?.label.toLowerCase()} time.</p>;
            return chart === 'bars' ? <TopBars entries={rows} format={formatUs} testId="operator-top" /> : <Pie slices={rows.map(([label, value]) => ({ label, value }))} format={formatUs} maxSlices={11} testId="operator-pie" />;
          }}
        </Loaded>
      </Card>
      <Card title="Operators" expandable={false}>
        <Loaded fetched={table} label="Loading the operator table…" errorTitle="Could not load the operator table" testId="operator-table">
          {(t) => (
            <DataTable
              key={`${groupBy}:${gpu}`}
              columns={columns}
              rows={t.data}
              rowKey={(r, i) => (byShape ? `${r.name}\u0000${r.input_shape ?? ''}\u0000${i}` : r.name)}
              searchPlaceholder="Search by operator name"
              initialSort={{ key: gpu ? 'device_self_duration' : 'host_self_duration', descending: true }}
              expansion={(r) => <CallStack fetch={fetch} profile={profile} groupBy={groupBy} opName={r.name} inputShape={byShape ? r.input_shape : undefined} />}
              canExpand={(r) => r.has_call_stack !== false}
              expandLabel="View call frames"
              testId="operator-table"
            />
          )}
        </Loaded>
      </Card>
    </div>
  );
}
