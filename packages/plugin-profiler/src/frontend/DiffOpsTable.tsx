/** The operators of a diff node, baseline against experiment, for one chosen measure. */
import { useState } from 'preact/hooks';
import type { DiffNode } from './api.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { diffRows, type DiffMeasure, type DiffRow } from './diff-rows.js';
import { formatDelta } from './format.js';
import { Segmented } from './Segmented.js';

const MEASURES = [
  { value: 'host_duration', label: 'Host duration' },
  { value: 'self_host_duration', label: 'Self host duration' },
  { value: 'device_duration', label: 'Device duration' },
  { value: 'self_device_duration', label: 'Self device duration' },
] as const;
type Measure = (typeof MEASURES)[number]['value'];

const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} %` : 'N/A');

function measureColumns(m: DiffMeasure, label: string, unit: string): DataColumn<DiffRow>[] {
  return [
    { key: `${m}.base`, label: `Baseline ${label}${unit}`, numeric: true, value: (r) => r[m].base },
    { key: `${m}.exp`, label: `Exp ${label}${unit}`, numeric: true, value: (r) => r[m].exp },
    { key: `${m}.delta`, label: `Delta ${label}${unit}`, numeric: true, value: (r) => r[m].delta, render: (r) => formatDelta(r[m].delta) },
    { key: `${m}.pct`, label: `Delta ${label} %`, numeric: true, value: (r) => r[m].deltaPct, render: (r) => pct(r[m].deltaPct) },
  ];
}

/** @example <DiffOpsTable node={node} /> */
export function DiffOpsTable({ node }: { node: DiffNode }) {
  const [measure, setMeasure] = useState<Measure>('host_duration');
  const label = MEASURES.find((m) => m.value === measure)!.label;
  const columns: DataColumn<DiffRow>[] = [{ key: 'name', label: 'Operator', value: (r) => r.name }, ...measureColumns('calls', 'Calls', ''), ...measureColumns(measure, label, ' (µs)')];
  return (
    <DataTable
      key={measure}
      columns={columns}
      rows={diffRows(node)}
      rowKey={(r) => r.name}
      searchPlaceholder="Search by operator name"
      initialSort={{ key: `${measure}.delta`, descending: true }}
      toolbar={<Segmented label="Measure" options={MEASURES} value={measure} onChange={setMeasure} testId="diff-measure" />}
      testId="diff-table"
    />
  );
}
