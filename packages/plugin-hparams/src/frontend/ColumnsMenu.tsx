/**
 * Which columns show (in the table, as axes, in the scatter plots): a popup of check
 * boxes, hyperparameters then metrics, with "Show all".
 */
import { useDismiss } from '@tb/ui';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Column } from './columns.js';

/** Props of {@link ColumnsMenu}. */
export interface ColumnsMenuProps {
  readonly columns: readonly Column[];
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (column: string, visible: boolean) => void;
  readonly onShowAll: () => void;
}

/** The menu button and its popup. */
export function ColumnsMenu({ columns, hidden, onToggle, onShowAll }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  const shown = columns.filter((c) => !hidden.has(c.id)).length;
  const section = (kind: Column['kind'], title: string) => {
    const list = columns.filter((c) => c.kind === kind);
    if (list.length === 0) return null;
    return (
      <fieldset class="tb-hparams__columns-section">
        <legend class="tb-hparams__label">{title}</legend>
        {list.map((c) => (
          <label key={c.id} class="tb-hparams__check" title={c.description || c.label}>
            <input
              type="checkbox"
              checked={!hidden.has(c.id)}
              data-testid={`hparams-column-${c.id}`}
              onChange={(e) => onToggle(c.id, e.currentTarget.checked)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
    );
  };
  return (
    <div class="tb-menu" ref={root}>
      <button
        type="button"
        class="tb-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="hparams-columns"
        onClick={() => setOpen(!open)}
      >
        Columns {shown}/{columns.length}
      </button>
      {open && (
        <div class="tb-menu__popup tb-hparams__columns" role="dialog" aria-label="Columns shown">
          {section('hparam', 'Hyperparameters')}
          {section('metric', 'Metrics')}
          <button type="button" class="tb-button tb-button--flat" onClick={onShowAll} disabled={hidden.size === 0}>
            Show all
          </button>
        </div>
      )}
    </div>
  );
}
