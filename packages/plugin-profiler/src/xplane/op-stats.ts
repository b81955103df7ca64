/**
 * Per-op statistics of an XSpace, in the table shape torch-tb-profiler's kernel table
 * answers with ({ metadata, data: { columns, rows } }), sorted by total time.
 *
 * Device side: the ops of every "/device:..." plane, read from its "XLA Ops" line when
 * it has one, else from all its lines, summed over all devices by op name. Host side:
 * the events of host planes that are ops: those carrying an `hlo_op` or `tf_op` stat
 * (XLA thunks run on the CPU, TensorFlow ops), or named in TensorFlow's "name:Type" way.
 *
 * Self time is an op's time less that of the events nested directly in it on the same
 * line; the percentage is of the summed self time of all ops in the table, which is the
 * time the lines were busy running ops, so the column adds up to 100.
 */
import { selfTimes } from './nesting.js';
import { planeKind } from './planes.js';
import { StatFinder } from './stats.js';
import { isTimedEvent } from './timeline.js';
import type { XEvent, XLine, XPlane, XSpace } from './types.js';

/** One column of a table answer. */
export interface OpStatsColumn {
  readonly type: 'string' | 'number';
  readonly name: string;
  readonly tooltip?: string;
}

/** A table answer: torch-tb-profiler's kernel/table shape. */
export interface OpStatsTable {
  readonly metadata: { readonly title: string; readonly sort: string };
  readonly data: { readonly columns: readonly OpStatsColumn[]; readonly rows: readonly (string | number)[][] };
}

/** Device and host op tables; null where the profile has no such ops. */
export interface XSpaceOpStats {
  readonly device: OpStatsTable | null;
  readonly host: OpStatsTable | null;
}

/** The columns, in row order. */
export const OP_STATS_COLUMNS: readonly OpStatsColumn[] = [
  { type: 'string', name: 'Name' },
  { type: 'string', name: 'Category', tooltip: 'The hlo_category (or category) stat; else the type part of the TensorFlow op.' },
  { type: 'string', name: 'TF Op', tooltip: 'The TensorFlow/JAX operation the op came from (tf_op stat), when recorded.' },
  { type: 'number', name: 'Occurrences' },
  { type: 'number', name: 'Total Time (us)' },
  { type: 'number', name: 'Avg. Time (us)' },
  { type: 'number', name: 'Min Time (us)' },
  { type: 'number', name: 'Max Time (us)' },
  { type: 'number', name: 'Total Self Time (us)', tooltip: 'Time less that of the events nested in it on the same line.' },
  { type: 'number', name: 'Self Time (%)', tooltip: "Share of all ops' self time in this table." },
];

const SORT_COLUMN = 'Total Time (us)';
const CATEGORY_STATS = ['hlo_category', 'category'] as const;

interface OpAccumulator {
  readonly name: string;
  category: string;
  tfOp: string;
  count: number;
  totalPs: number;
  minPs: number;
  maxPs: number;
  selfPs: number;
}

/** What makes an event an op, and its labels; null for an event that is not one. */
type OpClassifier = (event: XEvent, name: string, finder: StatFinder) => { category: string; tfOp: string } | null;

/** TensorFlow's host op naming: "dense/MatMul:MatMul". */
const TF_OP_NAME = /^[\w./-]+:([A-Z][\w]*)$/;

function labels(event: XEvent, name: string, finder: StatFinder): { category: string; tfOp: string } {
  const tfOp = finder.get(event, 'tf_op');
  const tf = tfOp === null ? '' : String(tfOp);
  const cat = finder.first(event, CATEGORY_STATS);
  const fromTf = TF_OP_NAME.exec(tf)?.[1] ?? TF_OP_NAME.exec(name)?.[1] ?? '';
  return { category: cat === null ? fromTf : String(cat), tfOp: tf };
}

const deviceOp: OpClassifier = (event, name, finder) => labels(event, name, finder);

const hostOp: OpClassifier = (event, name, finder) =>
  finder.get(event, 'hlo_op') !== null || finder.get(event, 'tf_op') !== null || TF_OP_NAME.test(name)
    ? labels(event, name, finder)
    : null;

function accumulateLine(plane: XPlane, line: XLine, finder: StatFinder, classify: OpClassifier, ops: Map<string, OpAccumulator>): void {
  const events = line.events.filter(isTimedEvent);
  const self = selfTimes(events);
  events.forEach((event, i) => {
    const meta = plane.eventMetadata.get(event.metadataId);
    const name = meta?.name || meta?.displayName || `event#${event.metadataId}`;
    const op = classify(event, name, finder);
    if (!op) return;
    let acc = ops.get(name);
    if (!acc) {
      acc = { name, category: op.category, tfOp: op.tfOp, count: 0, totalPs: 0, minPs: Infinity, maxPs: 0, selfPs: 0 };
      ops.set(name, acc);
    }
    if (!acc.category) acc.category = op.category;
    if (!acc.tfOp) acc.tfOp = op.tfOp;
    acc.count++;
    acc.totalPs += event.durationPs;
    acc.minPs = Math.min(acc.minPs, event.durationPs);
    acc.maxPs = Math.max(acc.maxPs, event.durationPs);
    acc.selfPs += self[i]!;
  });
}

const us = (ps: number): number => Math.round(ps / 1e3) / 1e3;

function toTable(title: string, ops: Map<string, OpAccumulator>): OpStatsTable | null {
  if (ops.size === 0) return null;
  const list = [...ops.values()].sort((a, b) => b.totalPs - a.totalPs || a.name.localeCompare(b.name));
  const selfSum = list.reduce((s, o) => s + o.selfPs, 0);
  const rows = list.map((o) => [
    o.name,
    o.category,
    o.tfOp,
    o.count,
    us(o.totalPs),
    us(o.totalPs / o.count),
    us(o.minPs),
    us(o.maxPs),
    us(o.selfPs),
    selfSum > 0 ? Math.round((o.selfPs / selfSum) * 1e4) / 100 : 0,
  ]);
  return { metadata: { title, sort: SORT_COLUMN }, data: { columns: OP_STATS_COLUMNS, rows } };
}

/** The op lines of a device plane: "XLA Ops" when present, else all. */
export function deviceOpLines(plane: XPlane): readonly XLine[] {
  const xla = plane.lines.filter((l) => l.name === 'XLA Ops' || l.displayName === 'XLA Ops');
  return xla.length > 0 ? xla : plane.lines;
}

/** Device and host op statistics of a whole XSpace. */
export function xspaceOpStats(space: XSpace): XSpaceOpStats {
  const device = new Map<string, OpAccumulator>();
  const host = new Map<string, OpAccumulator>();
  for (const plane of space.planes) {
    const kind = planeKind(plane);
    if (kind === 'other') continue;
    const finder = new StatFinder(plane);
    if (kind === 'device') for (const line of deviceOpLines(plane)) accumulateLine(plane, line, finder, deviceOp, device);
    else for (const line of plane.lines) accumulateLine(plane, line, finder, hostOp, host);
  }
  return {
    device: toTable('Device ops (XLA)', device),
    host: toTable('Host ops', host),
  };
}
