/**
 * Which step each run shows under a card's step slider: the runs' steps merged, and each
 * run's nearest step at or below the chosen one.
 */
import type { PrEntry } from './api.js';

/** The union of the runs' steps, ascending, each with the latest wall time written for it. */
export function mergeSteps(curves: Readonly<Record<string, readonly PrEntry[]>>): { steps: number[]; wallTimes: number[] } {
  const wall = new Map<number, number>();
  for (const entries of Object.values(curves)) {
    for (const e of entries) wall.set(e.step, Math.max(wall.get(e.step) ?? -Infinity, e.wall_time));
  }
  const steps = [...wall.keys()].sort((a, b) => a - b);
  return { steps, wallTimes: steps.map((s) => wall.get(s)!) };
}

/** The entry of the latest step at or below `step`; undefined when every step is later. */
export function entryAtOrBelow(entries: readonly PrEntry[], step: number): PrEntry | undefined {
  let found: PrEntry | undefined;
  for (const e of entries) {
    if (e.step <= step && (!found || e.step >= found.step)) found = e;
  }
  return found;
}
