/**
 * One chart of the session panel: a title, a value beside it, and the curves of one tag
 * for some runs, or while they load a spinner, or the first failure.
 */
import { errorMessage, LoadingState } from '@tb/ui';
import type { CurvePoint } from './api.js';
import { MiniChart } from './MiniChart.js';

/** A curve being fetched (undefined), fetched, or failed. */
export type CurveState = readonly CurvePoint[] | { readonly error: unknown } | undefined;

/** One line of the chart. */
export interface CurveLine {
  /** The run. */
  readonly id: string;
  readonly color: string;
  readonly curve: CurveState;
}

/** Props of {@link CurveFigure}. */
export interface CurveFigureProps {
  readonly title: string;
  readonly hint?: string;
  /** What shows right of the title (the metric's value). */
  readonly value: string;
  readonly lines: readonly CurveLine[];
  readonly width: number;
  readonly testId: string;
}

/** The height of a chart of single values (a metric logged once): a dot needs little room. */
const SINGLE_POINT_HEIGHT = 64;

const loadedOf = (line: CurveLine): line is CurveLine & { curve: readonly CurvePoint[] } => Array.isArray(line.curve);

/** The figure. */
export function CurveFigure({ title, hint, value, lines, width, testId }: CurveFigureProps) {
  const failed = lines.find((l) => l.curve && !Array.isArray(l.curve));
  const loaded = lines.filter(loadedOf);
  let body;
  if (failed) {
    const { error } = failed.curve as { error: unknown };
    body = (
      <p class="tb-hparams__note tb-hparams__note--error">
        Could not load {failed.id}: {errorMessage(error)}
      </p>
    );
  } else if (loaded.length < lines.length) {
    body = <LoadingState label="Loading the curve…" />;
  } else {
    body = (
      <MiniChart
        label={`${title} over steps`}
        width={Math.max(0, width)}
        height={loaded.every((l) => l.curve.length <= 1) ? SINGLE_POINT_HEIGHT : undefined}
        series={loaded.map((l) => ({ id: l.id, color: l.color, points: l.curve }))}
      />
    );
  }
  return (
    <figure class="tb-hparams__curve" data-testid={testId} data-points={loaded.reduce((n, l) => n + l.curve.length, 0)}>
      <figcaption class="tb-hparams__curve-title">
        <span title={hint ?? title}>{title}</span>
        <span class="tb-hparams__curve-value">{value}</span>
      </figcaption>
      {body}
    </figure>
  );
}
