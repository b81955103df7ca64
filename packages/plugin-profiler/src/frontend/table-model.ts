/**
 * The pure part of the page's tables: filtering by a search text, sorting by a column
 * (numbers numerically, text by locale, missing values last either way) and paging.
 */

/** A sortable cell value. */
export type CellValue = string | number | boolean | null | undefined;

/** Which column sorts the table, and which way. */
export interface SortState {
  readonly key: string;
  readonly descending: boolean;
}

/** The rows whose `text(row)` contains `query`, ignoring case; all rows for a blank query. */
export function filterRows<R>(rows: readonly R[], query: string, text: (row: R) => string): R[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  return rows.filter((r) => text(r).toLowerCase().includes(q));
}

function compareCells(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

const missing = (v: CellValue) => v == null || (typeof v === 'number' && Number.isNaN(v)) || v === '';

/** `rows` sorted by `value` (stable; missing values last in both directions). */
export function sortRows<R>(rows: readonly R[], value: (row: R) => CellValue, descending: boolean): R[] {
  const indexed = rows.map((row, i) => ({ row, i, v: value(row) }));
  indexed.sort((x, y) => {
    const mx = missing(x.v);
    const my = missing(y.v);
    if (mx || my) return mx === my ? x.i - y.i : mx ? 1 : -1;
    const c = compareCells(x.v, y.v);
    return c === 0 ? x.i - y.i : descending ? -c : c;
  });
  return indexed.map((e) => e.row);
}

/** The sort after clicking `key`'s header: reversed when it already sorts, else its natural direction. */
export function nextSort(current: SortState | null, key: string, numeric: boolean): SortState {
  if (current?.key === key) return { key, descending: !current.descending };
  return { key, descending: numeric };
}

/** The page count for `total` rows (at least 1), and the rows of page `page` (clamped). */
export function pageOf<R>(rows: readonly R[], page: number, size: number): { rows: R[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(p * size, (p + 1) * size), page: p, pages };
}
