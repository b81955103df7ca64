/**
 * The dashboard's toolbar: which session statuses show, which columns, how many session
 * groups pass the filters and brushes (and clearing them), "Show in Scalars" for all of
 * them, and the downloads of the table.
 */
import { DownloadMenu, type DownloadItem } from '@tb/ui';
import type { Status } from '../api-types.js';
import type { Column } from './columns.js';
import { ColumnsMenu } from './ColumnsMenu.js';
import { statusLabel } from './format.js';
import { STATUSES } from './settings.js';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  readonly statuses: readonly Status[];
  readonly onStatusChange: (status: Status, on: boolean) => void;
  readonly columns: readonly Column[];
  readonly hidden: ReadonlySet<string>;
  readonly onToggleColumn: (column: string, visible: boolean) => void;
  readonly onShowAllColumns: () => void;
  /** Session groups shown, and in all. */
  readonly shown: number;
  readonly total: number;
  /** Active filters and brushes. */
  readonly constraints: number;
  readonly onClearConstraints: () => void;
  readonly onShowInScalars: () => void;
  readonly downloads: readonly DownloadItem[];
}

/** The toolbar. */
export function Toolbar(props: ToolbarProps) {
  return (
    <div class="tb-hparams__toolbar" role="toolbar" aria-label="HParams settings">
      <div class="tb-hparams__group" role="group" aria-label="Session status">
        <span class="tb-hparams__label">Status</span>
        {STATUSES.map((s) => (
          <label key={s} class="tb-hparams__check">
            <input
              type="checkbox"
              checked={props.statuses.includes(s)}
              data-testid={`hparams-status-${s}`}
              onChange={(e) => props.onStatusChange(s, e.currentTarget.checked)}
            />
            {statusLabel(s)}
          </label>
        ))}
      </div>
      <ColumnsMenu columns={props.columns} hidden={props.hidden} onToggle={props.onToggleColumn} onShowAll={props.onShowAllColumns} />
      <div class="tb-hparams__group">
        <span class="tb-hparams__count" data-testid="hparams-count">
          {props.shown === props.total ? `${props.total} session groups` : `${props.shown} of ${props.total} session groups`}
        </span>
        {props.constraints > 0 && (
          <button type="button" class="tb-button tb-button--flat" data-testid="hparams-clear-filters" onClick={props.onClearConstraints}>
            Clear {props.constraints === 1 ? 'filter' : `${props.constraints} filters`}
          </button>
        )}
      </div>
      <div class="tb-hparams__spacer" />
      <button
        type="button"
        class="tb-button"
        disabled={props.shown === 0}
        title="Select the runs of the session groups shown in every tab, and open Scalars"
        data-testid="hparams-show-all-in-scalars"
        onClick={props.onShowInScalars}
      >
        Show {props.shown} in Scalars
      </button>
      <DownloadMenu items={props.downloads} label="Download the table" testId="hparams-download" />
    </div>
  );
}
