/**
 * The run selector in the left sidebar, shared by all dashboards: a check box and a colour
 * per run (the swatch is a colour picker), a regex filter, "all" / "none" on the runs the
 * filter shows, and how many runs are selected. As in TensorBoard, dashboards show the
 * checked runs that match the filter; clearing the filter brings the others back. Runs
 * with no data in the tab shown have no colour (an empty ring) and a muted name. Long
 * names are elided in the middle, keeping the part that tells them apart.
 */
import { compileFilter, FilterInput, NO_DATA_COLOR, RunName, splitRunNames } from '@tb/ui';
import { useMemo } from 'preact/hooks';
import { SidebarToggle } from './sidebar.js';

/** Props of {@link RunSelector}. */
export interface RunSelectorProps {
  /** Every run, in run order; null while loading. */
  readonly runs: readonly string[] | null;
  readonly selected: ReadonlySet<string>;
  readonly colors: Readonly<Record<string, string>>;
  readonly filter: string;
  readonly onFilterChange: (pattern: string) => void;
  readonly onToggle: (run: string, selected: boolean) => void;
  /** Selects (true) or deselects (false) the given runs: the ones the filter shows. */
  readonly onSetMany: (runs: readonly string[], selected: boolean) => void;
  readonly onColorChange: (run: string, color: string) => void;
  /** The runs with data in the tab shown (they get colours); null: every run. */
  readonly withData: ReadonlySet<string> | null;
  /** The tab shown, for "no data for Scalars in this run". */
  readonly tabTitle: string;
  /** Collapses the sidebar to a rail. */
  readonly onCollapse: () => void;
  /** The log directory, for the hint when there are no runs. */
  readonly dataLocation: string;
  /** Shown at the sidebar's foot: where the data is and what computes (null while loading). */
  readonly environment?: { readonly dataLocation: string; readonly computeBackend: string; readonly version: string } | null;
}

/** The sidebar's run list. */
export function RunSelector(props: RunSelectorProps) {
  const runs = props.runs ?? [];
  const matcher = compileFilter(props.filter);
  const shown = runs.filter(matcher.test);
  const selectedCount = runs.filter((r) => props.selected.has(r)).length;
  const nameParts = useMemo(() => splitRunNames(runs), [runs]);
  return (
    <div class="tb-run-selector" data-testid="runs-selector">
      <div class="tb-sidebar__header">
        <h2 class="tb-sidebar__title">Runs</h2>
        <span class="tb-sidebar__count" data-testid="runs-count">
          {selectedCount} of {runs.length}
          <span class="tb-sidebar__count-unit"> {runs.length === 1 ? 'run' : 'runs'}</span> selected
        </span>
        <SidebarToggle expanded onClick={props.onCollapse} />
      </div>
      <FilterInput value={props.filter} onChange={props.onFilterChange} placeholder="Filter runs (regex)" testId="run-filter" />
      <div class="tb-sidebar__bulk">
        <button
          type="button"
          class="tb-button tb-button--flat"
          data-testid="runs-all"
          disabled={shown.length === 0}
          onClick={() => props.onSetMany(shown, true)}
        >
          All
        </button>
        <button
          type="button"
          class="tb-button tb-button--flat"
          data-testid="runs-none"
          disabled={shown.length === 0}
          onClick={() => props.onSetMany(shown, false)}
        >
          None
        </button>
        {props.filter && !matcher.error && (
          <span class="tb-sidebar__shown">
            {shown.length} of {runs.length} shown
          </span>
        )}
      </div>
      {props.runs === null ? (
        <p class="tb-sidebar__note">Loading runs…</p>
      ) : runs.length === 0 ? (
        <p class="tb-sidebar__note">
          No runs yet.{props.dataLocation ? <> Looking in <code class="tb-code">{props.dataLocation}</code>.</> : null}
        </p>
      ) : shown.length === 0 ? (
        <p class="tb-sidebar__note">No run matches the filter.</p>
      ) : (
        <ul class="tb-runs">
          {shown.map((run) => {
            const hasData = props.withData === null || props.withData.has(run);
            const color = props.colors[run] ?? NO_DATA_COLOR;
            const checked = props.selected.has(run);
            return (
              <li
                key={run}
                class={hasData ? 'tb-runs__row' : 'tb-runs__row tb-runs__row--no-data'}
                data-testid={`run-${run}`}
                data-run={run}
                title={hasData ? run : `${run}: no ${props.tabTitle} data in this run`}
              >
                <input
                  type="checkbox"
                  class="tb-runs__check"
                  style={{ accentColor: color }}
                  checked={checked}
                  aria-label={run}
                  data-testid={`checkbox-${run}`}
                  onChange={(e) => props.onToggle(run, e.currentTarget.checked)}
                />
                {hasData ? (
                  <input
                    type="color"
                    class="tb-runs__color"
                    value={color}
                    title={`Colour of ${run} (click to change)`}
                    aria-label={`Colour of ${run}`}
                    data-testid={`color-${run}`}
                    onInput={(e) => props.onColorChange(run, e.currentTarget.value)}
                  />
                ) : (
                  <span class="tb-runs__color tb-runs__color--none" aria-hidden="true" data-testid={`no-color-${run}`} />
                )}
                <span class="tb-runs__name" onClick={() => props.onToggle(run, !checked)}>
                  <RunName name={run} parts={nameParts.get(run)} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {props.environment && (
        <footer class="tb-sidebar__footer" data-testid="environment">
          <span title={props.environment.dataLocation}>
            Data: <code class="tb-code">{props.environment.dataLocation}</code>
          </span>
          <span title="The backend that runs heavy numeric work (tfjs-node-gpu, tfjs-node, wasm or cpu)">
            Compute: {props.environment.computeBackend || 'loading'} · tb-core {props.environment.version}
          </span>
        </footer>
      )}
    </div>
  );
}
