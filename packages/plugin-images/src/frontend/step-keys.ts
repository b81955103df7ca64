/**
 * Arrow keys on a focused image card: left and right move one kept step, Home and End
 * to the ends. Keys typed into a control inside the card (a slider, a select) are
 * left to that control.
 */

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
