/**
 * The runs behind a session group: a session is the run holding its start info, and its
 * metrics live in that run (group '') or in its sub-runs (`<session>/<group>`, e.g.
 * `run-00/validation`). "Show in Scalars" selects all of them; rows take their colour.
 */
import { runColor } from '@tb/ui';
import type { MetricName, SessionGroup } from '../api-types.js';

/**
 * The run that holds `metric` for `session`.
 *
 * @example metricRun('tuning/run-00', { group: 'validation', tag: 'epoch_loss' }) // 'tuning/run-00/validation'
 */
export function metricRun(session: string, metric: MetricName): string {
  if (!metric.group) return session;
  return session === '.' || session === '' ? metric.group : `${session}/${metric.group}`;
}

/** Whether `run` is `session` or lies under it. */
function belongs(run: string, session: string): boolean {
  if (session === '.' || session === '') return true;
  return run === session || run.startsWith(`${session}/`);
}

/**
 * The runs of `groups`' sessions among `allRuns` (the session's own run and those under
 * it), in `allRuns`' order; a session missing from `allRuns` is kept by its name.
 */
export function runsOfGroups(groups: readonly SessionGroup[], allRuns: readonly string[]): string[] {
  const sessions = groups.flatMap((g) => g.sessions.map((s) => s.name));
  const out = new Set<string>();
  for (const run of allRuns) if (sessions.some((s) => belongs(run, s))) out.add(run);
  const known = new Set(allRuns);
  for (const s of sessions) if (!known.has(s)) out.add(s);
  return [...out];
}

/** The colour of a session (or group name): the shell's colour of its run, else of a run under it, else the palette's. */
export function sessionColor(session: string, runColors: Readonly<Record<string, string>>): string {
  const own = runColors[session];
  if (own) return own;
  const prefix = `${session}/`;
  for (const [run, color] of Object.entries(runColors)) if (run.startsWith(prefix)) return color;
  return runColor(session);
}
