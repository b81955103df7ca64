/**
 * The `memory_events` answer: per device, each allocation with its size, the operator
 * that made it, when it was allocated and released and how long it lived; allocations
 * never released and releases of blocks allocated before the range are listed too.
 */
import type { MemoryRecord } from './records.js';
import { displayRound, memoryFactor, memoryUnit, timeFactor, timeUnit } from './units.js';

/** Query of the `memory_events` route. */
export interface MemoryEventsQuery {
  readonly startTs?: number;
  readonly endTs?: number;
  /** us, ms (default), s. */
  readonly timeMetric?: string;
  /** B, KB (default), MB, GB. */
  readonly memoryMetric?: string;
}

/** The answer. */
export interface MemoryEventsJson {
  metadata: { title: 'Memory Events'; default_device: string };
  columns: { name: string; type: 'string' | 'number'; tooltip: string }[];
  rows: Record<string, (string | number | null)[][]>;
}

function label(r: MemoryRecord): string {
  const name = r.opName ?? '<unknown>';
  // aten::empty is PyTorch's malloc: name the operator that called it.
  return name.startsWith('aten::empty') && r.parentOpName ? `${r.parentOpName} (${name})` : name;
}

/** The `memory_events` answer, or undefined when a unit is not one torch knows. */
export function memoryEvents(records: readonly MemoryRecord[], profilerStartTs: number, q: MemoryEventsQuery = {}): MemoryEventsJson | undefined {
  const tu = timeUnit(q.timeMetric, 'ms');
  const mu = memoryUnit(q.memoryMetric, 'KB');
  if (!tu || !mu) return undefined;
  const tf = timeFactor(tu);
  const mf = memoryFactor(mu);
  const time = (us: number): number => displayRound(tf * us);
  const size = (bytes: number): number => displayRound(mf * bytes);
  const { startTs, endTs } = q;
  const selected = records.filter((r) => (startTs === undefined || r.ts >= startTs) && (endTs === undefined || r.ts <= endTs));

  const rows: MemoryEventsJson['rows'] = {};
  const add = (r: MemoryRecord, row: (string | number | null)[]): void => {
    if (r.device === null) return;
    (rows[r.device] ??= []).push(row);
  };
  const alloc = new Map<number | string, MemoryRecord>();
  const free = new Map<number | string, MemoryRecord>();
  for (const r of selected) {
    if (r.addr === null) continue;
    if (r.bytes > 0) alloc.set(r.addr, r);
    else {
      const a = alloc.get(r.addr);
      if (a) {
        add(a, [label(a), size(-r.bytes), time(a.ts - profilerStartTs), time(r.ts - profilerStartTs), time(r.ts - a.ts)]);
        alloc.delete(r.addr);
      } else free.set(r.addr, r);
    }
  }
  for (const r of alloc.values()) add(r, [label(r), size(r.bytes), time(r.ts - profilerStartTs), null, null]);
  for (const r of free.values()) add(r, [label(r), size(-r.bytes), null, time(r.ts - profilerStartTs), null]);

  return {
    metadata: { title: 'Memory Events', default_device: Object.keys(rows).sort().find((d) => d.startsWith('GPU')) ?? 'CPU' },
    columns: [
      { name: 'Operator', type: 'string', tooltip: '' },
      { name: `Size (${mu})`, type: 'number', tooltip: '' },
      { name: `Allocation Time (${tu})`, type: 'number', tooltip: '' },
      { name: `Release Time (${tu})`, type: 'number', tooltip: '' },
      { name: `Duration (${tu})`, type: 'number', tooltip: '' },
    ],
    rows,
  };
}
