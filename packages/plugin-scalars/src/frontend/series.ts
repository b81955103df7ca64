/**
 * One scalar series as the dashboard keeps it: three columns of typed arrays (wall
 * time, step, value), parsed from TensorBoard's `[[wall_time, step, value], ...]`
 * answer, where NaN and the infinities arrive as the strings "NaN", "Infinity" and
 * "-Infinity".
 */

/** A series in columns; index i of each column is one point, in the order written. */
export interface ScalarSeries {
  /** Seconds since the epoch. */
  readonly wall: Float64Array;
  readonly step: Float64Array;
  readonly value: Float64Array;
}

/** One point as the `scalars` route sends it. */
export type ScalarRow = readonly [unknown, unknown, unknown];

/**
 * A JSON scalar as a number: numbers as they are, the strings "NaN", "Infinity" and
 * "-Infinity" as those values, anything else as NaN.
 *
 * @example parseScalar('-Infinity') // -Infinity
 */
export function parseScalar(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

/** The columns of `rows` (the `scalars` answer); throws when `rows` is not a list. */
export function seriesFromRows(rows: unknown): ScalarSeries {
  if (!Array.isArray(rows)) {
    throw new TypeError(`expected a list of [wall_time, step, value] rows, found ${rows === null ? 'null' : typeof rows}`);
  }
  const n = rows.length;
  const wall = new Float64Array(n);
  const step = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as ScalarRow;
    wall[i] = parseScalar(row[0]);
    step[i] = parseScalar(row[1]);
    value[i] = parseScalar(row[2]);
  }
  return { wall, step, value };
}

/** The series of each run of a `scalars_multirun` answer (`{run: rows}`). */
export function seriesByRun(answer: unknown): Map<string, ScalarSeries> {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new TypeError(`expected an object {run: [[wall_time, step, value], ...]}, found ${Array.isArray(answer) ? 'a list' : typeof answer}`);
  }
  const out = new Map<string, ScalarSeries>();
  for (const [run, rows] of Object.entries(answer)) out.set(run, seriesFromRows(rows));
  return out;
}
