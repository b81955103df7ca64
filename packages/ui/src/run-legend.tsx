/**
 * A compact legend of runs: a colour swatch and the run's name per run, in the colours
 * the shell assigned (DashboardProps.runColors).
 */
import { runColor } from './run-color.js';

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
  return (
    <ul class="tb-run-legend" data-testid={props.testId} aria-label="Runs">
      {props.runs.map((run) => (
        <li key={run} class="tb-run-legend__item" title={run}>
          <span class="tb-swatch" style={{ background: props.colors[run] ?? runColor(run) }} aria-hidden="true" />
          <span class="tb-run-legend__name">{run}</span>
        </li>
      ))}
    </ul>
  );
}
