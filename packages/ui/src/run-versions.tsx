/**
 * A data version per run, for cards that refetch only when their run changed: each new
 * reload signal bumps the runs in `changedRuns` (every run when the shell does not know).
 */
import { useRef } from 'preact/hooks';
import type { DashboardProps } from './dashboard.js';

/** `(run) => version`, a number that changes when the run may have new data. */
export function useRunVersions(props: Pick<DashboardProps, 'reloadSignal' | 'changedRuns' | 'runs'>): (run: string) => number {
  const versions = useRef(new Map<string, number>());
  const lastSignal = useRef(props.reloadSignal);
  if (lastSignal.current !== props.reloadSignal) {
    lastSignal.current = props.reloadSignal;
    const changed = props.changedRuns.length > 0 ? props.changedRuns : props.runs.map((r) => r.name);
    for (const run of changed) versions.current.set(run, (versions.current.get(run) ?? 0) + 1);
  }
  return (run) => versions.current.get(run) ?? 0;
}
