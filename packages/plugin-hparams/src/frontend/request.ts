/**
 * What the dashboard shows, as a ListSessionGroupsRequest for the server: the statuses,
 * the sort, and per column one filter that is every constraint on it at once (its table
 * filter and its brush). The server's download_data takes it, so a LaTeX download holds
 * the rows the table shows.
 */
import type { ColParams, DownloadFormat, ListSessionGroupsRequest, Status } from '../api-types.js';
import { brushTest, type Brush } from './brush.js';
import type { CellValue, Column, Value } from './columns.js';
import { filterTest, isActive, type ColumnFilter } from './filters.js';
import type { SortState } from './sort.js';

/** The dashboard state a request reflects. */
export interface ViewState {
  readonly statuses: readonly Status[];
  readonly filters: Readonly<Record<string, ColumnFilter>>;
  readonly brushes: Readonly<Record<string, Brush>>;
  readonly sort: SortState | null;
}

type Constraint = { readonly set: readonly Value[] } | { readonly min: number; readonly max: number } | { readonly regex: string };

function constraintOf(c: ColumnFilter | Brush): Constraint {
  switch (c.kind) {
    case 'set':
    case 'values':
      return { set: c.values };
    case 'interval':
      return { min: c.min ?? -Number.MAX_VALUE, max: c.max ?? Number.MAX_VALUE };
    case 'range':
      return { min: c.min, max: c.max };
    case 'regex':
      return { regex: c.pattern };
  }
}

function testOf(c: ColumnFilter | Brush): (v: CellValue) => boolean {
  return c.kind === 'range' || c.kind === 'values' ? brushTest(c) : filterTest(c);
}

/** The one filter of a column meaning all of `parts` at once. */
function combined(parts: readonly (ColumnFilter | Brush)[]): Partial<ColParams> {
  if (parts.length === 0) return {};
  const constraints = parts.map(constraintOf);
  const setAt = constraints.findIndex((c) => 'set' in c);
  if (setAt >= 0) {
    const tests = parts.filter((_, i) => i !== setAt).map(testOf);
    const set = (constraints[setAt] as { set: readonly Value[] }).set;
    return { filterDiscrete: set.filter((v) => tests.every((t) => t(v as CellValue))) };
  }
  const regex = constraints.find((c): c is { regex: string } => 'regex' in c);
  if (regex) return { filterRegexp: `(?i)${regex.regex}` };
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  for (const c of constraints) {
    if (!('min' in c)) continue;
    min = Math.max(min, c.min);
    max = Math.min(max, c.max);
  }
  return { filterInterval: { minValue: min, maxValue: max } };
}

/**
 * The request for the rows `view` shows of `columns`.
 *
 * @example sessionGroupsRequest(columns, { statuses, filters: {}, brushes: { 'hparam:lr': range }, sort: null }).colParams
 */
export function sessionGroupsRequest(columns: readonly Column[], view: ViewState): ListSessionGroupsRequest {
  const colParams: ColParams[] = columns.map((column) => {
    const name: Partial<ColParams> = column.kind === 'hparam' ? { hparam: column.hparam! } : { metric: column.metric! };
    const parts: (ColumnFilter | Brush)[] = [];
    const f = view.filters[column.id];
    if (f && isActive(f, column)) parts.push(f);
    const b = view.brushes[column.id];
    if (b) parts.push(b);
    const order: Partial<ColParams> =
      view.sort?.column === column.id ? { order: view.sort.direction === 'asc' ? 'ORDER_ASC' : 'ORDER_DESC', missingValuesFirst: false } : {};
    const filter = combined(parts);
    return { ...name, ...order, ...filter, ...(parts.length > 0 ? { excludeMissingValues: true } : {}) };
  });
  const sorted = colParams.filter((c) => c.order);
  const rest = colParams.filter((c) => !c.order);
  return { experimentName: '', allowedStatuses: view.statuses, colParams: [...sorted, ...rest], startIndex: 0, sliceSize: 1_000_000 };
}

/**
 * The route of download_data in `format` for `request`, with the visible columns
 * (`visible[i]` for `columns[i]`, hyperparameters then metrics as the experiment lists them).
 */
export function downloadRoute(format: DownloadFormat, visible: readonly boolean[], request: ListSessionGroupsRequest): string {
  const q = new URLSearchParams({ format, columnsVisibility: JSON.stringify(visible), request: JSON.stringify(request) });
  return `download_data?${q}`;
}
