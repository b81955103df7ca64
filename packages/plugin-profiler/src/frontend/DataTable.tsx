/**
 * The page's table: a search box (Escape clears it), headers that sort when clicked
 * (again to reverse; `aria-sort` tells which), pages of rows, and optionally a per-row
 * expansion (call frames, a drill-down) rendered under its row.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { formatCell } from './format.js';
import { filterRows, nextSort, pageOf, sortRows, type CellValue, type SortState } from './table-model.js';

/** A column of a {@link DataTable}. */
export interface DataColumn<R> {
  readonly key: string;
  readonly label: string;
  readonly tooltip?: string;
  /** Right-aligned, sorts descending first. */
  readonly numeric?: boolean;
  readonly value: (row: R) => CellValue;
  /** How the cell shows; default: the formatted value. */
  readonly render?: (row: R) => ComponentChildren;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<R> {
  readonly columns: readonly DataColumn<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string;
  /** The text the search box matches; default: the first column's value. */
  readonly searchText?: (row: R) => string;
  readonly searchPlaceholder?: string;
  readonly initialSort?: SortState | null;
  readonly pageSize?: number;
  /** The expansion of a row, or null when it has none. */
  readonly expansion?: (row: R) => ComponentChildren | null;
  /** Whether a row offers the expansion (its toggle is disabled otherwise). */
  readonly canExpand?: (row: R) => boolean;
  readonly expandLabel?: string;
  /** Extra controls next to the search box. */
  readonly toolbar?: ComponentChildren;
  readonly testId?: string;
}

/** @example <DataTable columns={cols} rows={rows} rowKey={(r) => r.name} testId="operator-table" /> */
export function DataTable<R>(props: DataTableProps<R>) {
  const { columns, rows, testId } = props;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const size = props.pageSize ?? 25;
  const text = props.searchText ?? ((r: R) => String(columns[0]?.value(r) ?? ''));

  const shown = useMemo(() => {
    const filtered = filterRows(rows, query, text);
    const col = sort && columns.find((c) => c.key === sort.key);
    return col ? sortRows(filtered, col.value, sort.descending) : filtered;
  }, [rows, query, sort, columns]);
  const current = pageOf(shown, page, size);
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r, i])), [rows]);
  const expandable = props.expansion !== undefined;
  const span = columns.length + (expandable ? 1 : 0);

  const toggle = (key: string) => {
    const next = new Set(open);
    if (!next.delete(key)) next.add(key);
    setOpen(next);
  };
  const search = (q: string) => {
    setQuery(q);
    setPage(0);
  };

  return (
    <div class="tb-prof-table" data-testid={testId}>
      <div class="tb-prof-table__toolbar">
        <input
          class="tb-input tb-prof-table__search"
          type="search"
          value={query}
          placeholder={props.searchPlaceholder ?? 'Search by name'}
          aria-label={props.searchPlaceholder ?? 'Search by name'}
          data-testid={testId && `${testId}-search`}
          onInput={(e) => search(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') search('');
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        {props.toolbar}
        <span class="tb-prof-table__count" data-testid={testId && `${testId}-count`}>
          {shown.length === rows.length ? `${rows.length} rows` : `${shown.length} of ${rows.length} rows`}
        </span>
      </div>
      <div class="tb-prof-table__scroll">
        <table class="tb-prof-table__table">
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const dir = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
                return (
                  <th key={c.key} aria-sort={dir} class={c.numeric ? 'tb-prof-num' : undefined} title={c.tooltip}>
                    <button type="button" class="tb-prof-table__sort" data-key={c.key} onClick={() => (setSort(nextSort(sort, c.key, !!c.numeric)), setPage(0))}>
                      {c.label}
                      <span class="tb-prof-table__arrow" aria-hidden="true">
                        {active ? (sort.descending ? '▼' : '▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
              {expandable && <th aria-label="Details" />}
            </tr>
          </thead>
          <tbody>
            {current.rows.map((row) => {
              const key = props.rowKey(row, indexOf.get(row) ?? 0);
              const isOpen = open.has(key);
              const can = props.canExpand?.(row) ?? true;
              return [
                <tr key={key} data-row={key}>
                  {columns.map((c, i) => {
                    const cell = c.render ? c.render(row) : formatCell(c.value(row));
                    // Names (templated CUDA kernels run to hundreds of characters): three
                    // lines at most, the whole name on hover.
                    const text = i === 0 && !c.numeric && !c.render ? String(cell) : null;
                    return (
                      <td key={c.key} class={c.numeric ? 'tb-prof-num' : undefined}>
                        {text !== null ? <span class="tb-prof-table__name" title={text}>{text}</span> : cell}
                      </td>
                    );
                  })}
                  {expandable && (
                    <td>
                      <button type="button" class="tb-button tb-button--flat tb-prof-table__expand" disabled={!can} aria-expanded={isOpen} onClick={() => toggle(key)}>
                        {isOpen ? 'Hide' : (props.expandLabel ?? 'Details')}
                      </button>
                    </td>
                  )}
                </tr>,
                isOpen ? (
                  <tr key={`${key}\u0000open`} class="tb-prof-table__expansion">
                    <td colSpan={span}>{props.expansion!(row)}</td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      {current.pages > 1 && (
        <div class="tb-prof-table__pager">
          <button type="button" class="tb-button" disabled={current.page === 0} onClick={() => setPage(current.page - 1)} aria-label="Previous page">
            ‹
          </button>
          <span data-testid={testId && `${testId}-page`}>
            Page {current.page + 1} of {current.pages}
          </span>
          <button type="button" class="tb-button" disabled={current.page >= current.pages - 1} onClick={() => setPage(current.page + 1)} aria-label="Next page">
            ›
          </button>
        </div>
      )}
    </div>
  );
}
