/**
 * The steps of two runs' images on one slider (compare mode): every step either run
 * kept, ascending, each with the first run's wall time there, else the second's.
 */
import type { ImageEntry } from './api.js';

export interface MergedSteps {
  readonly steps: readonly number[];
  /** Parallel to `steps`. */
  readonly wallTimes: readonly number[];
}

/** @example mergeSteps([{step: 0, ...}], [{step: 5, ...}]).steps // [0, 5] */
export function mergeSteps(a: readonly Pick<ImageEntry, 'step' | 'wallTime'>[], b: readonly Pick<ImageEntry, 'step' | 'wallTime'>[]): MergedSteps {
  const times = new Map<number, number>();
  for (const e of [...b, ...a]) times.set(e.step, e.wallTime);
  const steps = [...times.keys()].sort((x, y) => x - y);
  return { steps, wallTimes: steps.map((s) => times.get(s)!) };
}
