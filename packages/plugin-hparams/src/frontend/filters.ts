/**
 * Column filters of the table: a set of allowed values for a discrete column, a closed
 * interval (either end open) for a numeric one, a regular expression for strings
 * (case-insensitive, linear-time, as every filter in tb-core). A missing value passes no
 * active filter.
 */
import { compileFilter } from '@tb/ui';
import type { CellValue, Column, Value } from './columns.js';

/** One column's filter. */
export type ColumnFilter =
  | { readonly kind: 'set'; readonly values: readonly Value[] }
  | { readonly kind: 'interval'; readonly min: number | null; readonly max: number | null }
  | { readonly kind: 'regex'; readonly pattern: string };

/** The kinds of filter. */
export type FilterKind = ColumnFilter['kind'];

/** The filter a column offers: a value set when its values are known, else an interval for numbers, a regex for strings. */
export function filterKindOf(column: Column): FilterKind {
  if (column.values) return 'set';
  return column.type === 'number' ? 'interval' : 'regex';
}

/** Whether `filter` leaves anything out (an empty regex or an open interval does not). */
export function isActive(filter: ColumnFilter | undefined, column?: Column): boolean {
  if (!filter) return false;
  if (filter.kind === 'interval') return filter.min !== null || filter.max !== null;
  if (filter.kind === 'regex') return filter.pattern !== '';
  return !column?.values || column.values.some((v) => !filter.values.includes(v));
}

/**
 * The test a cell must pass. Interval ends are inclusive; NaN lies in no interval.
 *
 * @example filterTest({ kind: 'interval', min: 0.01, max: null })(0.1) // true
 */
export function filterTest(filter: ColumnFilter): (v: CellValue) => boolean {
  switch (filter.kind) {
    case 'set': {
      const allowed = new Set<Value>(filter.values);
      return (v) => v !== null && allowed.has(v);
    }
    case 'interval': {
      const lo = filter.min ?? -Infinity;
      const hi = filter.max ?? Infinity;
      return (v) => typeof v === 'number' && v >= lo && v <= hi;
    }
    case 'regex': {
      const { test } = compileFilter(filter.pattern);
      return (v) => v !== null && test(String(v));
    }
  }
}

/** A column index and the test its cells must pass. */
export interface CellCheck {
  readonly index: number;
  readonly test: (v: CellValue) => boolean;
}

/** Whether `cells` pass every check. */
export function passesChecks(cells: readonly CellValue[], checks: readonly CellCheck[]): boolean {
  for (const c of checks) if (!c.test(cells[c.index] ?? null)) return false;
  return true;
}

/** The checks of the active `filters` (by column id) over `columns`; filters of absent columns are ignored. */
export function filterChecks(columns: readonly Column[], filters: Readonly<Record<string, ColumnFilter>>): CellCheck[] {
  const checks: CellCheck[] = [];
  columns.forEach((column, index) => {
    const f = filters[column.id];
    if (f && isActive(f, column)) checks.push({ index, test: filterTest(f) });
  });
  return checks;
}
