/**
 * POST /metric_evals: one metric of one session, as the scalars plugin's answer for the
 * metric's run and tag: `[[wall_time, step, value], ...]` (numbers as Python writes
 * them, NaN and infinities as strings), every point.
 */
import { NotFoundError, type DataProvider } from '@tb/core/plugin';
import type { MetricEvalsQuery } from './request.js';
import { pythonJson } from './python-format.js';
import { metricRun } from './run-paths.js';
import { SCALARS_PLUGIN } from './session-index.js';

/** Every point, as the scalars route reads them. */
const ALL_POINTS = { downsample: Number.MAX_SAFE_INTEGER } as const;

/** A step, every digit (Python's `str(int)`). */
function stepText(step: number): string {
  return Number.isSafeInteger(step) ? String(step) : BigInt(Math.trunc(step)).toString();
}

/** The JSON text of the metric's series; a NotFoundError when the run has no such scalar series. */
export function metricEvalsJson(data: DataProvider, q: MetricEvalsQuery): string {
  const run = metricRun(q.sessionName, q.metricName.group);
  const series = data.readScalars(SCALARS_PLUGIN, run, q.metricName.tag, ALL_POINTS);
  if (!series) {
    throw new NotFoundError(`no scalar data for run ${JSON.stringify(run)}, tag ${JSON.stringify(q.metricName.tag)} (session ${JSON.stringify(q.sessionName)}, metric group ${JSON.stringify(q.metricName.group)})`);
  }
  const points: string[] = new Array<string>(series.step.length);
  for (let i = 0; i < points.length; i++) {
    points[i] = `[${pythonJson(series.wallTime[i]!)}, ${stepText(series.step[i]!)}, ${pythonJson(series.value[i]!)}]`;
  }
  return `[${points.join(', ')}]`;
}
