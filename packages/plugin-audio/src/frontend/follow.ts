/**
 * Which step a card shows after new data arrives: the newest when it showed the newest
 * before (or nothing yet), as TensorBoard's cards follow training; otherwise the step it
 * showed, or the nearest step before it when that step is gone.
 */
export function nextStep(previous: number | null, wasLatest: boolean, steps: readonly number[]): number | null {
  if (steps.length === 0) return null;
  const latest = steps[steps.length - 1]!;
  if (previous === null || wasLatest) return latest;
  if (steps.includes(previous)) return previous;
  let best = steps[0]!;
  for (const s of steps) if (s <= previous) best = s;
  return best;
}
