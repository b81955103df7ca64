/**
 * The filter of one column, edited in a popover under its header: check boxes for a
 * discrete column's values, minimum and maximum for a numeric one, a regular
 * expression for strings. Every change applies at once.
 */
import { FilterInput } from '@tb/ui';
import { Fragment } from 'preact';
import type { Column, Value } from './columns.js';
import { filterKindOf, type ColumnFilter } from './filters.js';
import { formatCell } from './format.js';

/** Props of {@link ColumnFilterEditor}. */
export interface ColumnFilterEditorProps {
  readonly column: Column;
  readonly filter: ColumnFilter | undefined;
  /** The new filter; undefined removes it. */
  readonly onChange: (filter: ColumnFilter | undefined) => void;
}

/** A number typed in a bound box: null when empty or not a number. */
function bound(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isNaN(n) ? null : n;
}

/** The editor of `column`'s filter. */
export function ColumnFilterEditor({ column, filter, onChange }: ColumnFilterEditorProps) {
  const kind = filterKindOf(column);
  const id = `tb-hparams-filter-${column.id}`;
  let body;
  if (kind === 'set') {
    const values = column.values ?? [];
    const allowed = filter?.kind === 'set' ? filter.values : values;
    const set = (next: readonly Value[]) => onChange(next.length === values.length ? undefined : { kind: 'set', values: next });
    body = (
      <>
        <div class="tb-hparams__filter-actions">
          <button type="button" class="tb-button tb-button--flat" onClick={() => onChange(undefined)}>
            All
          </button>
          <button type="button" class="tb-button tb-button--flat" onClick={() => onChange({ kind: 'set', values: [] })}>
            None
          </button>
        </div>
        <ul class="tb-hparams__filter-values">
          {values.map((v) => (
            <li key={String(v)}>
              <label class="tb-hparams__check">
                <input
                  type="checkbox"
                  checked={allowed.includes(v)}
                  data-testid={`hparams-filter-value-${String(v)}`}
                  onChange={(e) => set(e.currentTarget.checked ? values.filter((x) => x === v || allowed.includes(x)) : allowed.filter((x) => x !== v))}
                />
                {formatCell(v)}
              </label>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (kind === 'interval') {
    const current = filter?.kind === 'interval' ? filter : { kind: 'interval' as const, min: null, max: null };
    const update = (patch: { min?: number | null; max?: number | null }) => {
      const next = { ...current, ...patch };
      onChange(next.min === null && next.max === null ? undefined : next);
    };
    const bounds = [
      ['min', 'Min', '−∞'],
      ['max', 'Max', '+∞'],
    ] as const;
    body = (
      <div class="tb-hparams__filter-interval">
        {bounds.map(([end, label, open]) => (
          <Fragment key={end}>
            <label class="tb-hparams__label" for={`${id}-${end}`}>
              {label}
            </label>
            <input
              id={`${id}-${end}`}
              class="tb-input"
              type="number"
              step="any"
              value={current[end] ?? ''}
              placeholder={open}
              data-testid={`hparams-filter-${end}`}
              onChange={(e) => update({ [end]: bound(e.currentTarget.value) })}
            />
          </Fragment>
        ))}
      </div>
    );
  } else {
    const pattern = filter?.kind === 'regex' ? filter.pattern : '';
    body = (
      <FilterInput
        value={pattern}
        onChange={(p) => onChange(p === '' ? undefined : { kind: 'regex', pattern: p })}
        placeholder="Regular expression"
        label={`Filter ${column.label} (regular expression)`}
        testId="hparams-filter-regex"
      />
    );
  }
  return (
    <div class="tb-hparams__filter" role="dialog" aria-label={`Filter ${column.label}`} data-testid="hparams-filter-editor">
      <div class="tb-hparams__filter-title">Filter {column.label}</div>
      {body}
      {filter && (
        <button type="button" class="tb-button tb-hparams__filter-clear" onClick={() => onChange(undefined)}>
          Clear filter
        </button>
      )}
    </div>
  );
}
