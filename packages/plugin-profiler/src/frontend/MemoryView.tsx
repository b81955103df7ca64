/**
 * The Memory view: a device selector, the memory curve of that device (drag to select a
 * time range) and the memory statistics per operator, refiltered to the selected range.
 */
import { Card, useFetched, type PluginFetch } from '@tb/ui';
import { useState } from 'preact/hooks';
import { profileRoute, type MemoryAnswer, type MemoryCurveAnswer, type ProfileRef } from './api.js';
import { ColumnTableView } from './ColumnTableView.js';
import { Loaded } from './Loaded.js';
import { MemoryCurve, type CurveRange } from './MemoryCurve.js';

/** Props of {@link MemoryView}. */
export interface MemoryViewProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly reloadSignal: number;
}

/** The devices of the memory answers, the default first when known. */
export function memoryDevices(table: MemoryAnswer | null, curve: MemoryCurveAnswer | null): string[] {
  const all = new Set<string>([...(curve?.metadata.devices ?? []), ...Object.keys(curve?.rows ?? {}), ...Object.keys(table?.rows ?? {})]);
  const first = table?.metadata.default_device ?? curve?.metadata.default_device;
  const list = [...all];
  return first && all.has(first) ? [first, ...list.filter((d) => d !== first)] : list;
}

/** @example <MemoryView fetch={fetch} profile={p} reloadSignal={0} /> */
export function MemoryView({ fetch, profile, reloadSignal }: MemoryViewProps) {
  const [device, setDevice] = useState<string | null>(null);
  const [range, setRange] = useState<CurveRange | null>(null);
  const base = [fetch, profile.run, profile.worker, profile.span, reloadSignal];
  // torch's curve pairs allocations by address; a trace without addresses (older Kineto,
  // the demo's tfjs) gets its curve from the totals each memory event carries instead.
  const curve = useFetched(async () => {
    const c = await fetch.json<MemoryCurveAnswer>(profileRoute('memory_curve', profile));
    if (Object.values(c.rows).some((r) => r.length > 0)) return { curve: c, fromTotals: false };
    const totals = await fetch.json<MemoryCurveAnswer>(profileRoute('memory_totals', profile)).catch(() => null);
    return totals ? { curve: totals, fromTotals: true } : { curve: c, fromTotals: false };
  }, base);
  const table = useFetched(() => fetch.json<MemoryAnswer>(profileRoute('memory', profile, { start_ts: range?.startTs, end_ts: range?.endTs })), [...base, range?.startTs, range?.endTs]);
  const devices = memoryDevices(table.value, curve.value?.curve ?? null);
  const current = device && devices.includes(device) ? device : (devices[0] ?? null);
  return (
    <div class="tb-prof-view" data-testid="memory-view">
      <div class="tb-prof-toolbar">
        <label class="tb-prof-field">
          <span>Device</span>
          <select class="tb-input" value={current ?? ''} data-testid="memory-device" onChange={(e) => setDevice(e.currentTarget.value)}>
            {devices.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Card
        title="Memory Curve"
        subtitle={
          curve.value?.fromTotals
            ? 'From the memory events\' totals, or the running sum of their sizes where the trace has none (it records no block addresses). Drag to show only that time range in the table'
            : 'Drag across the chart to show only that time range in the table'
        }
        expandable={false}
      >
        <Loaded fetched={curve} label="Loading the memory curve…" errorTitle="Could not load the memory curve">
          {({ curve: c }) =>
            current && (c.rows[current]?.length ?? 0) > 0 ? (
              <MemoryCurve curve={c} device={current} range={range} onRange={setRange} />
            ) : (
              <p class="tb-prof-note" data-testid="memory-curve-empty">
                No memory curve for {current ?? 'this profile'}: the trace has no allocator events for it.
              </p>
            )
          }
        </Loaded>
      </Card>
      <Card title="Memory Statistics" subtitle={range ? `Operators from ${range.startTs} to ${range.endTs} µs` : 'Operators over the whole span'} expandable={false}>
        <Loaded fetched={table} label="Loading memory statistics…" errorTitle="Could not load the memory statistics" testId="memory-table">
          {(t) => (
            <ColumnTableView
              key={`${current}\u0000${range?.startTs}`}
              columns={t.columns}
              rows={(current && t.rows[current]) || []}
              sortBy={t.metadata.sort}
              searchBy={t.metadata.search}
              searchPlaceholder="Search by operator name"
              testId="memory-table"
            />
          )}
        </Loaded>
      </Card>
    </div>
  );
}
