/**
 * Which step a step card shows (images, audio, text): after new data, the newest when it
 * showed the newest before (or nothing yet), as TensorBoard's cards follow training;
 * otherwise the step it showed, or the nearest step before it when that step is gone.
 * And the arrow keys on a focused card: left and right one kept step, Home and End the
 * ends; keys typed into a control inside the card (a slider, a select) are left to it.
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
 * The step `key` moves to from `current`, or undefined when it moves nowhere.
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

/** A keydown handler for a card: calls `go` with the new step and keeps the page from scrolling. */
export function stepKeyHandler(steps: readonly number[], current: number | null, go: (step: number) => void): (e: KeyboardEvent) => void {
  return (e) => {
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    const next = stepForKey(e.key, steps, current);
    if (next === undefined || next === current) return;
    e.preventDefault();
    go(next);
  };
}
