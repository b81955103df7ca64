/**
 * The `memory` answer: per device, per operator name, the calls and the memory its
 * calls allocated (self and including children), optionally within a time range —
 * torch-tb-profiler's memory statistics table.
 */
import type { MemoryTree } from './records.js';
import { displayRound, memoryFactor, memoryUnit, type MemoryUnit } from './units.js';

/** Self figures [increase, allocation size, allocation count], then the same including children. */
type Figures = [number, number, number, number, number, number];

/** Query of the `memory` route. */
export interface MemoryStatsQuery {
  /** Only records and nodes at or after / at or before these times (µs). */
  readonly startTs?: number;
  readonly endTs?: number;
  /** B, KB (default), MB, GB (or '', K, M, G). */
  readonly metric?: string;
}

/** The answer. */
export interface MemoryStatsJson {
  metadata: { title: 'Memory View'; default_device: string; search: 'Operator Name'; sort: string };
  columns: { name: string; type: 'string' | 'number'; tooltip?: string }[];
  rows: Record<string, (string | number)[][]>;
}

function columns(unit: MemoryUnit): MemoryStatsJson['columns'] {
  return [
    { name: 'Operator Name', type: 'string' },
    { name: 'Calls', type: 'number', tooltip: 'How many times the operator ran.' },
    { name: `Size Increase (${unit})`, type: 'number', tooltip: 'Memory the operator and the operators it called kept allocated (allocations less frees).' },
    { name: `Self Size Increase (${unit})`, type: 'number', tooltip: 'Memory the operator itself kept allocated (allocations less frees).' },
    { name: 'Allocation Count', type: 'number', tooltip: 'Allocations by the operator and the operators it called.' },
    { name: 'Self Allocation Count', type: 'number', tooltip: 'Allocations by the operator itself.' },
    { name: `Allocation Size (${unit})`, type: 'number', tooltip: 'Bytes allocated by the operator and the operators it called.' },
    { name: `Self Allocation Size (${unit})`, type: 'number', tooltip: 'Bytes allocated by the operator itself, frees not subtracted.' },
  ];
}

/** The `memory` answer for `tree`, or undefined when `metric` is not a unit torch knows. */
export function memoryStats(tree: MemoryTree, q: MemoryStatsQuery = {}): MemoryStatsJson | undefined {
  const unit = memoryUnit(q.metric, 'KB');
  if (!unit) return undefined;
  const { startTs, endTs } = q;
  const inRange = (ts: number): boolean => (startTs === undefined || ts >= startTs) && (endTs === undefined || ts <= endTs);

  // Per node index: device → figures.
  const perNode = new Map<number, Map<string, Figures>>();
  const figuresOf = (node: number, device: string): Figures => {
    let byDevice = perNode.get(node);
    if (!byDevice) perNode.set(node, (byDevice = new Map()));
    let f = byDevice.get(device);
    if (!f) byDevice.set(device, (f = [0, 0, 0, 0, 0, 0]));
    return f;
  };
  const calls = new Map<string, number>();
  const ops: number[] = [];

  const visit = (i: number): void => {
    const node = tree.nodes[i]!;
    if (startTs !== undefined && node.end < startTs) return;
    if (endTs !== undefined && node.start > endTs) return;
    if (node.isOp) {
      ops.push(i);
      calls.set(node.name, (calls.get(node.name) ?? 0) + 1);
    }
    if (!node.reached) return;
    if (node.isOp) {
      for (const ri of node.records) {
        const r = tree.records[ri]!;
        if (!inRange(r.ts) || r.device === null) continue;
        const f = figuresOf(i, r.device);
        f[0] += r.bytes;
        f[3] += r.bytes;
        if (r.bytes > 0) {
          f[1] += r.bytes;
          f[4] += r.bytes;
          f[2] += 1;
          f[5] += 1;
        }
      }
    }
    for (const c of node.children) {
      visit(c);
      const childFigures = perNode.get(c);
      if (!childFigures) continue;
      for (const [device, cf] of childFigures) {
        const f = figuresOf(i, device);
        for (let k = 3; k < 6; k++) f[k]! += cf[k]!;
      }
    }
  };
  for (const root of tree.roots) visit(root);

  // By device (in order of first appearance), then by operator name.
  const byName = new Map<string, Map<string, Figures>>();
  for (const i of ops) {
    const figures = perNode.get(i);
    if (!figures) continue;
    const name = tree.nodes[i]!.name;
    for (const [device, f] of figures) {
      let names = byName.get(device);
      if (!names) byName.set(device, (names = new Map()));
      const acc = names.get(name) ?? [0, 0, 0, 0, 0, 0];
      for (let k = 0; k < 6; k++) acc[k]! += f[k]!;
      names.set(name, acc);
    }
  }

  const factor = memoryFactor(unit);
  const size = (bytes: number): number => displayRound(bytes * factor);
  const rows: MemoryStatsJson['rows'] = {};
  for (const [device, names] of byName) {
    const kept = [...names].filter(([, f]) => f.some((v) => v !== 0));
    if (kept.length === 0) continue;
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    rows[device] = kept.map(([name, f]) => [name, calls.get(name) ?? 0, size(f[3]), size(f[0]), f[5], f[2], size(f[4]), size(f[1])]);
  }
  const defaultDevice = Object.keys(rows).sort().find((d) => d.startsWith('GPU')) ?? 'CPU';
  return {
    metadata: { title: 'Memory View', default_device: defaultDevice, search: 'Operator Name', sort: `Self Size Increase (${unit})` },
    columns: columns(unit),
    rows,
  };
}
