/**
 * The run selector in the left sidebar, shared by all dashboards: a check box and a colour
 * per run (the swatch is a colour picker), a regex filter, "all" / "none" on the runs the
 * filter shows, and how many runs are selected. As in TensorBoard, dashboards show the
 * checked runs that match the filter; clearing the filter brings the others back.
 */
import { compileFilter, FilterInput } from '@tb/ui';

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
  return (
    <aside class="tb-sidebar" aria-label="Runs" data-testid="runs-selector">
      <div class="tb-sidebar__header">
        <h2 class="tb-sidebar__title">Runs</h2>
        <span class="tb-sidebar__count" data-testid="runs-count">
          {selectedCount} of {runs.length} {runs.length === 1 ? 'run' : 'runs'} selected
        </span>
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
            const color = props.colors[run] ?? '#9e9e9e';
            const checked = props.selected.has(run);
            return (
              <li key={run} class="tb-runs__row" data-testid={`run-${run}`} data-run={run} title={run}>
                <input
                  type="checkbox"
                  class="tb-runs__check"
                  style={{ accentColor: color }}
                  checked={checked}
                  aria-label={run}
                  data-testid={`checkbox-${run}`}
                  onChange={(e) => props.onToggle(run, e.currentTarget.checked)}
                />
                <input
                  type="color"
                  class="tb-runs__color"
                  value={color}
                  title={`Colour of ${run} (click to change)`}
                  aria-label={`Colour of ${run}`}
                  data-testid={`color-${run}`}
                  onInput={(e) => props.onColorChange(run, e.currentTarget.value)}
                />
                <span class="tb-runs__name" onClick={() => props.onToggle(run, !checked)}>
                  {run}
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
    </aside>
  );
}
