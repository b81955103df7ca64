/** A small tooltip that follows the pointer (fixed position, never catches the mouse). */
import type { ComponentChildren } from 'preact';

/** Where and what a chart's tooltip shows; null hides it. */
export interface TooltipState {
  readonly x: number;
  readonly y: number;
  readonly content: ComponentChildren;
}

/** Renders `state` near the pointer, or nothing. */
export function Tooltip({ state, testId }: { state: TooltipState | null; testId?: string }) {
  if (!state) return null;
  return (
    <div class="tb-popup tb-prof-tooltip" role="tooltip" data-testid={testId} style={{ transform: `translate(${state.x + 12}px, ${state.y + 12}px)` }}>
      {state.content}
    </div>
  );
}
