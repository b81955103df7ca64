/**
 * Sorting the table by one column, ascending or descending. Missing values and NaN go
 * last either way (they are not "small" or "large"); ties keep the group names' order.
 */
import { compareValues, type CellValue, type Row } from './columns.js';

/** Which column sorts the rows, and which way. */
export interface SortState {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

const isMissing = (v: CellValue): v is null => v === null || (typeof v === 'number' && Number.isNaN(v));

/**
 * The rows sorted by the cells at `index`, `direction` first; a new array.
 *
 * @example sortRows(rows, accuracyIndex, 'desc')[0] // the most accurate group
 */
export function sortRows(rows: readonly Row[], index: number, direction: 'asc' | 'desc'): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.cells[index] ?? null;
    const y = b.cells[index] ?? null;
    const mx = isMissing(x);
    const my = isMissing(y);
    if (mx || my) {
      if (mx !== my) return mx ? 1 : -1;
    } else {
      const c = compareValues(x, y);
      if (c !== 0) return sign * c;
    }
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/**
 * The sort after a click on `column`'s header: ascending, then descending, then none
 * (the server's order); another column starts again at ascending.
 */
export function nextSort(current: SortState | null, column: string): SortState | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}
