/**
 * The columns of the session groups table: a group's value in a column (a hyperparameter,
 * or an aggregated metric), the column filters (regex, interval, discrete set, missing
 * values) and the sort order, as TensorBoard's list_session_groups has them.
 */
import { InvalidArgumentError } from '@tb/core/plugin';
import type { HParamValue } from './api-types.js';
import { findMetric } from './aggregate.js';
import { compareStrings } from './compare.js';
import type { Column, ColumnParams } from './request.js';
import type { MetricPoint } from './session-index.js';

/** What columns read of a session group. */
export interface GroupColumns {
  readonly name: string;
  readonly hparams: ReadonlyMap<string, HParamValue>;
  readonly metricValues: readonly MetricPoint[];
}

/** The group's value in `column`; undefined when missing. */
export function columnValue(group: GroupColumns, column: Column): HParamValue | undefined {
  if (column.kind === 'hparam') return group.hparams.get(column.name);
  return findMetric(group.metricValues, column.name)?.value;
}

function describe(column: Column): string {
  return column.kind === 'hparam' ? `hparam ${JSON.stringify(column.name)}` : `metric ${JSON.stringify(`${column.name.group}/${column.name.tag}`)}`;
}

/** Python's `==` between column values: booleans equal the numbers 1 and 0. */
function pythonEquals(a: HParamValue, b: HParamValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Number(a) === Number(b);
}

/**
 * A predicate for groups that pass `p`'s filter, or null when every group passes. A
 * regex filter on a value that is not a string, or an interval filter on one that is not
 * a number, is a 400, as in TensorBoard.
 */
export function columnFilter(p: ColumnParams): ((group: GroupColumns) => boolean) | null {
  const includeMissing = !p.excludeMissingValues;
  const filter = p.filter;
  if (!filter && includeMissing) return null;
  const passes = (value: HParamValue): boolean => {
    if (!filter) return true;
    switch (filter.kind) {
      case 'regexp':
        if (typeof value !== 'string') {
          throw new InvalidArgumentError(`filterRegexp of ${describe(p.column)} expects string values, found ${typeof value} ${JSON.stringify(value)}`);
        }
        return filter.regex.test(value);
      case 'interval':
        if (typeof value === 'string') {
          throw new InvalidArgumentError(`filterInterval of ${describe(p.column)} expects numeric values, found string ${JSON.stringify(value)}`);
        }
        return filter.minValue <= Number(value) && Number(value) <= filter.maxValue;
      case 'discrete':
        return filter.values.some((v) => pythonEquals(value, v));
    }
  };
  return (group) => {
    const value = columnValue(group, p.column);
    return value === undefined ? includeMissing : passes(value);
  };
}

/**
 * Orders two present values: numbers and booleans by value (NaN after every number),
 * strings by code point, numbers before strings (which Python cannot compare).
 */
export function compareValues(a: HParamValue, b: HParamValue): number {
  const aText = typeof a === 'string';
  const bText = typeof b === 'string';
  if (aText || bText) return aText && bText ? compareStrings(a, b) : aText ? 1 : -1;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The order of groups: by each column with an order, the first the most significant,
 * ascending or descending, missing values first or last as `missingValuesFirst` says;
 * ties by group name.
 */
export function groupOrder(colParams: readonly ColumnParams[]): (a: GroupColumns, b: GroupColumns) => number {
  const keys = colParams.filter((p) => p.order !== 'ORDER_UNSPECIFIED');
  return (a, b) => {
    for (const p of keys) {
      const x = columnValue(a, p.column);
      const y = columnValue(b, p.column);
      let c: number;
      if (x === undefined || y === undefined) c = x === y ? 0 : (x === undefined) === p.missingValuesFirst ? -1 : 1;
      else c = p.order === 'ORDER_ASC' ? compareValues(x, y) : compareValues(y, x);
      if (c !== 0) return c;
    }
    return compareStrings(a.name, b.name);
  };
}
