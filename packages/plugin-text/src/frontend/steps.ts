/**
 * Which step a card shows: after new data, the newest when it showed the newest before
 * (following training, as TensorBoard's cards do), else the step it showed or the
 * nearest before it; and the step an arrow key moves to.
 */

/** The step to show once `steps` (ascending) arrive. */
export function nextStep(previous: number | null, wasLatest: boolean, steps: readonly number[]): number | null {
  if (steps.length === 0) return null;
  const latest = steps[steps.length - 1]!;
  if (previous === null || wasLatest) return latest;
  if (steps.includes(previous)) return previous;
  let best = steps[0]!;
  for (const s of steps) if (s <= previous) best = s;
  return best;
}

const DELTA: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1 };

/**
 * The step `key` moves to from `current` (left/right one kept step, Home/End the ends),
 * or undefined when it moves nowhere.
 *
 * @example stepForKey('ArrowRight', [0, 10, 20], 10) // 20
 */
export function stepForKey(key: string, steps: readonly number[], current: number | null): number | undefined {
  if (steps.length === 0) return undefined;
  if (key === 'Home') return steps[0];
  if (key === 'End') return steps[steps.length - 1];
  const delta = DELTA[key];
  const index = current === null ? -1 : steps.indexOf(current);
  if (delta === undefined || index < 0) return undefined;
  return steps[index + delta];
}
