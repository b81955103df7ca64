/**
 * The sessions table: a column per visible hyperparameter and metric, the group's run
 * colour and status first. Headers sort (ascending, descending, off) and open each
 * column's filter. Only the rows in view (and a few around) are rendered, so a sweep
 * of thousands scrolls as smoothly as one of ten. Hovering a row highlights its line in
 * the plots; clicking it opens its curves.
 */
import { RunName, splitRunNames, useDismiss } from '@tb/ui';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Column, Row } from './columns.js';
import { ColumnFilterEditor } from './ColumnFilterEditor.js';
import { isActive, type ColumnFilter } from './filters.js';
import { formatCell, statusLabel } from './format.js';
import type { SortState } from './sort.js';
import { useSize } from './use-size.js';
import { rowWindow } from './visible-rows.js';

/** Height of a body row in CSS pixels (fixed, for the virtual scroll). */
export const ROW_HEIGHT = 28;
/** The scroll box' height before it is measured (and in tests, where nothing measures). */
const DEFAULT_VIEWPORT = 420;

/** Props of {@link Table}. */
export interface TableProps {
  readonly columns: readonly Column[];
  /** Indices into `columns` of the visible ones, in order. */
  readonly indices: readonly number[];
  /** The rows to list, filtered and sorted. */
  readonly rows: readonly Row[];
  readonly sort: SortState | null;
  readonly onSort: (column: string) => void;
  readonly filters: Readonly<Record<string, ColumnFilter>>;
  readonly onFilterChange: (column: string, filter: ColumnFilter | undefined) => void;
  readonly hovered: string | null;
  readonly selected: string | null;
  readonly onHover: (row: string | null) => void;
  readonly onSelect: (row: string) => void;
  /** The colour of a row's runs. */
  readonly colorOf: (row: Row) => string;
}

function FunnelIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" aria-hidden="true">
      <path d="M3.5 4.5h13l-5 6v5l-3 -1.5v-3.5z" />
    </svg>
  );
}

const STATUS_MARK: Readonly<Record<string, string>> = {
  STATUS_SUCCESS: '✓',
  STATUS_FAILURE: '✕',
  STATUS_RUNNING: '▶',
  STATUS_UNKNOWN: '?',
  MIXED: '±',
};

/** `label` with a line-break opportunity after each `/` (long metric names wrap there). */
function breakable(label: string) {
  const parts = label.split(/(?<=\/)/);
  return parts.map((p, i) => (i < parts.length - 1 ? [p, <wbr key={i} />] : p));
}

/** The table. */
export function Table(props: TableProps) {
  const { columns, indices, rows, sort, filters } = props;
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [editing, setEditing] = useState<{ column: string; left: number; top: number } | null>(null);
  const size = useSize(scroller);
  const close = useCallback(() => setEditing(null), []);
  useDismiss(editing !== null, popup, close);

  const parts = useMemo(() => splitRunNames(rows.map((r) => r.name)), [rows]);
  const viewport = size.height > 0 ? size.height : DEFAULT_VIEWPORT;
  const win = rowWindow(scrollTop, viewport, ROW_HEIGHT, rows.length);

  const openFilter = (column: string, button: HTMLElement) => {
    if (editing?.column === column) return setEditing(null);
    const th = button.closest('th') ?? button;
    const a = th.getBoundingClientRect();
    const b = root.current?.getBoundingClientRect();
    setEditing({ column, left: Math.max(0, a.left - (b?.left ?? 0)), top: a.bottom - (b?.top ?? 0) });
  };
  const editedColumn = editing ? columns.find((c) => c.id === editing.column) : undefined;

  return (
    <div class="tb-hparams__table-root" ref={root}>
      <div class="tb-hparams__table-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table class="tb-hparams__table" data-testid="hparams-table" aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <th class="tb-hparams__th tb-hparams__th--name" scope="col">
                Session group
              </th>
              {indices.map((i) => {
                const c = columns[i]!;
                const sorted = sort?.column === c.id ? sort.direction : null;
                const active = isActive(filters[c.id], c);
                return (
                  <th
                    key={c.id}
                    scope="col"
                    class={`tb-hparams__th tb-hparams__th--${c.type === 'number' ? 'number' : 'text'} tb-hparams__th--${c.kind}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    title={c.description || c.label}
                  >
                    <div class="tb-hparams__th-inner">
                      <button
                        type="button"
                        class="tb-hparams__sort"
                        data-testid={`hparams-sort-${c.id}`}
                        onClick={() => props.onSort(c.id)}
                      >
                        <span class="tb-hparams__th-label">{breakable(c.label)}</span>
                        <span class="tb-hparams__sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : ''}
                        </span>
                      </button>
                      <button
                        type="button"
                        class={active ? 'tb-icon-button tb-hparams__filter-button tb-hparams__filter-button--on' : 'tb-icon-button tb-hparams__filter-button'}
                        aria-label={`Filter ${c.label}`}
                        aria-pressed={active}
                        aria-expanded={editing?.column === c.id}
                        title={active ? `Filtered: edit the filter of ${c.label}` : `Filter ${c.label}`}
                        data-testid={`hparams-filter-${c.id}`}
                        onMouseDown={(e) => e.stopPropagation()}
                        onClick={(e) => openFilter(c.id, e.currentTarget)}
                      >
                        <FunnelIcon />
                      </button>
                    </div>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {win.padTop > 0 && <tr class="tb-hparams__pad" style={{ height: `${win.padTop}px` }} aria-hidden="true" />}
            {rows.slice(win.start, win.end).map((row, k) => {
              const classes = [
                'tb-hparams__row',
                row.name === props.hovered && 'tb-hparams__row--hovered',
                row.name === props.selected && 'tb-hparams__row--selected',
              ]
                .filter(Boolean)
                .join(' ');
              const color = props.colorOf(row);
              return (
                <tr
                  key={row.name}
                  class={classes}
                  style={{ '--tb-hparams-run': color }}
                  aria-rowindex={win.start + k + 2}
                  aria-selected={row.name === props.selected}
                  data-testid={`hparams-row-${row.name}`}
                  data-session={row.name}
                  onMouseEnter={() => props.onHover(row.name)}
                  onMouseLeave={() => props.onHover(null)}
                  onClick={() => props.onSelect(row.name)}
                  tabIndex={0}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      props.onSelect(row.name);
                    }
                  }}
                >
                  <th scope="row" class="tb-hparams__name">
                    <div class="tb-hparams__name-inner">
                      <span class="tb-swatch" style={{ background: color }} aria-hidden="true" />
                      <span class={`tb-hparams__status tb-hparams__status--${row.status.toLowerCase()}`} title={statusLabel(row.status)}>
                        {STATUS_MARK[row.status] ?? '?'}
                      </span>
                      <RunName name={row.name} parts={parts.get(row.name)} />
                    </div>
                  </th>
                  {indices.map((i) => {
                    const v = row.cells[i] ?? null;
                    const c = columns[i]!;
                    return (
                      <td key={c.id} class={c.type === 'number' ? 'tb-hparams__num' : undefined} title={v === null ? 'missing' : String(v)}>
                        {formatCell(v)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {win.padBottom > 0 && <tr class="tb-hparams__pad" style={{ height: `${win.padBottom}px` }} aria-hidden="true" />}
          </tbody>
        </table>
        {rows.length === 0 && <p class="tb-hparams__note tb-hparams__table-empty">No session group passes the filters.</p>}
      </div>
      {editing && editedColumn && (
        <div class="tb-hparams__popup" ref={popup} style={{ left: `${editing.left}px`, top: `${editing.top}px` }}>
          <ColumnFilterEditor
            column={editedColumn}
            filter={filters[editedColumn.id]}
            onChange={(f) => props.onFilterChange(editedColumn.id, f)}
          />
        </div>
      )}
    </div>
  );
}
