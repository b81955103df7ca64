/**
 * The experiment as a table: one column per hyperparameter, then one per metric, and
 * one row per session group with its value in each column (null where it has none).
 * Every view (table, parallel coordinates, scatter plots) reads this one model.
 */
import type { DataType, Experiment, HParamInfo, HParamValue, JsonDouble, MetricInfo, MetricName, SessionGroup, Status } from '../api-types.js';

/** A cell: a number (NaN and infinities included), a string, a boolean, or null when missing. */
export type CellValue = number | string | boolean | null;

/** A value that is present. */
export type Value = Exclude<CellValue, null>;

/** How a column's values read: numbers get numeric axes, strings and booleans categories. */
export type ColumnType = 'number' | 'string' | 'bool';

/** One column of the table: a hyperparameter or a metric. */
export interface Column {
  /** Unique among the columns: `hparam:<name>` or `metric:<group>/<tag>` (`metric:<tag>` without a group). */
  readonly id: string;
  readonly kind: 'hparam' | 'metric';
  /** What headers and axes show: the display name, else the name. */
  readonly label: string;
  readonly description: string;
  readonly type: ColumnType;
  /** The hyperparameter's name (kind 'hparam'). */
  readonly hparam?: string;
  /** The metric (kind 'metric'). */
  readonly metric?: MetricName;
  /** The values a discrete column takes, in order; null for an interval or an open domain. */
  readonly values: readonly Value[] | null;
}

/** A session group's status: its sessions' one status, or MIXED when they differ. */
export type RowStatus = Status | 'MIXED';

/** One row: a session group and its cells, aligned with the columns. */
export interface Row {
  /** The group's name, unique in the experiment. */
  readonly name: string;
  readonly cells: readonly CellValue[];
  readonly group: SessionGroup;
  readonly status: RowStatus;
}

/** The experiment's columns and its groups' rows. */
export interface HParamsTable {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

/** The id of a metric's column. */
export function metricId(name: MetricName): string {
  return `metric:${name.group ? `${name.group}/` : ''}${name.tag}`;
}

/** The id of a hyperparameter's column. */
export function hparamId(name: string): string {
  return `hparam:${name}`;
}

/** A proto3 JSON double as a number ('NaN' → NaN). */
export function toNumber(v: JsonDouble): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return NaN;
}

/** Orders present values: numbers, then strings, then booleans; each ascending. */
export function compareValues(a: Value, b: Value): number {
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

function typeOf(type: DataType, seen: readonly HParamValue[]): ColumnType {
  if (type === 'DATA_TYPE_FLOAT64') return 'number';
  if (type === 'DATA_TYPE_BOOL') return 'bool';
  if (type === 'DATA_TYPE_STRING') return 'string';
  if (seen.length > 0 && seen.every((v) => typeof v === 'number')) return 'number';
  if (seen.length > 0 && seen.every((v) => typeof v === 'boolean')) return 'bool';
  return 'string';
}

function uniqueSorted(values: Iterable<Value>): Value[] {
  const out: Value[] = [];
  const seen = new Set<Value>();
  for (const v of values) {
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out.sort(compareValues);
}

function hparamColumn(info: HParamInfo, groups: readonly SessionGroup[]): Column {
  const seen: HParamValue[] = [];
  for (const g of groups) {
    const v = g.hparams[info.name];
    if (v !== undefined) seen.push(v);
  }
  const type = typeOf(info.type, seen);
  let values: Value[] | null = null;
  if (info.domainDiscrete && info.domainDiscrete.length > 0) values = uniqueSorted([...info.domainDiscrete, ...seen]);
  else if (type === 'bool') values = [false, true];
  else if (type === 'string') values = uniqueSorted(seen);
  return {
    id: hparamId(info.name),
    kind: 'hparam',
    label: info.displayName || info.name,
    description: info.description,
    type,
    hparam: info.name,
    values,
  };
}

function metricColumn(info: MetricInfo): Column {
  const { group, tag } = info.name;
  return {
    id: metricId(info.name),
    kind: 'metric',
    label: info.displayName || (group ? `${tag} (${group})` : tag),
    description: info.description,
    type: 'number',
    metric: info.name,
    values: null,
  };
}

function statusOf(group: SessionGroup): RowStatus {
  const first = group.sessions[0]?.status ?? 'STATUS_UNKNOWN';
  return group.sessions.every((s) => s.status === first) ? first : 'MIXED';
}

/** The cell of `column` in `group`. */
export function cellOf(column: Column, group: SessionGroup): CellValue {
  if (column.kind === 'hparam') {
    const v = group.hparams[column.hparam!];
    return v === undefined ? null : v;
  }
  const m = column.metric!;
  const found = group.metricValues.find((mv) => mv.name.tag === m.tag && mv.name.group === m.group);
  return found ? toNumber(found.value) : null;
}

/**
 * The table of `experiment` for `groups`: hyperparameter columns in the experiment's
 * order, then metric columns; rows in the order given.
 *
 * @example buildTable(experiment, answer.sessionGroups).rows[0].cells // [0.1, 0.001, 'adam', 32, 0.80, 1.12]
 */
export function buildTable(experiment: Experiment, groups: readonly SessionGroup[]): HParamsTable {
  const columns = [...experiment.hparamInfos.map((h) => hparamColumn(h, groups)), ...experiment.metricInfos.map(metricColumn)];
  const rows = groups.map((group) => ({ name: group.name, cells: columns.map((c) => cellOf(c, group)), group, status: statusOf(group) }));
  return { columns, rows };
}
