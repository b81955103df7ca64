/**
 * A {columns, rows} table (kernel/table, memory, xplane/op_stats) as a {@link DataTable}:
 * number columns right-aligned and sorted numerically, tooltips from the columns.
 */
import type { ComponentChildren } from 'preact';
import type { TableColumn } from './api.js';
import { DataTable, type DataColumn } from './DataTable.js';

/** A row of a {columns, rows} table. */
export type Row = readonly (string | number | boolean | null)[];

/** The DataTable columns of `columns` (key: the column name). */
export function columnsOf(columns: readonly TableColumn[]): DataColumn<Row>[] {
  return columns.map((c, i) => ({
    key: c.name,
    label: c.name,
    tooltip: c.tooltip,
    numeric: c.type === 'number',
    value: (r: Row) => r[i] ?? null,
  }));
}

/** Props of {@link ColumnTableView}. */
export interface ColumnTableViewProps {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Row[];
  /** The column sorted first (descending when numeric), e.g. metadata.sort. */
  readonly sortBy?: string;
  /** The column the search box matches (default: the first). */
  readonly searchBy?: string;
  readonly searchPlaceholder?: string;
  readonly toolbar?: ComponentChildren;
  readonly testId?: string;
}

/** @example <ColumnTableView columns={t.data.columns} rows={t.data.rows} sortBy={t.metadata.sort} /> */
export function ColumnTableView(props: ColumnTableViewProps) {
  const columns = columnsOf(props.columns);
  const sortCol = columns.find((c) => c.key === props.sortBy);
  const searchIndex = Math.max(
    0,
    props.columns.findIndex((c) => c.name === props.searchBy),
  );
  return (
    <DataTable
      columns={columns}
      rows={props.rows}
      rowKey={(r, i) => `${String(r[0])}\u0000${i}`}
      searchText={(r) => String(r[searchIndex] ?? '')}
      searchPlaceholder={props.searchPlaceholder ?? `Search by ${props.columns[searchIndex]?.name ?? 'name'}`}
      initialSort={sortCol ? { key: sortCol.key, descending: !!sortCol.numeric } : null}
      toolbar={props.toolbar}
      testId={props.testId}
    />
  );
}
