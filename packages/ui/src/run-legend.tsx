/**
 * A compact legend of runs: a colour swatch and the run's name per run, in the colours
 * the shell assigned (DashboardProps.runColors). Long names are elided in the middle,
 * keeping the part that tells the runs apart, with the full name on hover.
 */
import { runColor } from './run-color.js';
import { RunName, splitRunNames } from './run-name.js';

/** Props of {@link RunLegend}. */
export interface RunLegendProps {
  /** The runs to list, in display order. */
  readonly runs: readonly string[];
  /** A CSS colour per run; a run missing here gets {@link runColor}'s. */
  readonly colors: Readonly<Record<string, string>>;
  readonly testId?: string;
}

/**
 * @example <RunLegend runs={props.selectedRuns} colors={props.runColors} />
 */
export function RunLegend(props: RunLegendProps) {
  const parts = splitRunNames(props.runs);
  return (
    <ul class="tb-run-legend" data-testid={props.testId} aria-label="Runs">
      {props.runs.map((run) => (
        <li key={run} class="tb-run-legend__item" title={run}>
          <span class="tb-swatch" style={{ background: props.colors[run] ?? runColor(run) }} aria-hidden="true" />
          <RunName name={run} parts={parts.get(run)} class="tb-run-legend__name" />
        </li>
      ))}
    </ul>
  );
}
