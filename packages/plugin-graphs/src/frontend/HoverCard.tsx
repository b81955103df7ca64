/**
 * The card that follows the pointer over the graph (a box's name and op, an edge's
 * tensors). It is driven through a handle, so hovering never re-renders the drawing.
 */
import { useState } from 'preact/hooks';
import type { Point } from './layout-types.js';

/** Shows and hides the card. */
export interface HoverCardHandle {
  show(title: string, lines: readonly string[], at: Point): void;
  hide(): void;
}

interface Shown {
  readonly title: string;
  readonly lines: readonly string[];
  readonly at: Point;
}

/** The hover card, positioned in its parent (which should be `position: relative`). */
export function HoverCard(props: { handleRef: { current: HoverCardHandle | null } }) {
  const [shown, setShown] = useState<Shown | null>(null);
  props.handleRef.current = {
    show: (title, lines, at) =>
      setShown((old) => (old && old.title === title && old.at.x === at.x && old.at.y === at.y && old.lines.join('\n') === lines.join('\n') ? old : { title, lines, at })),
    hide: () => setShown(null),
  };
  if (!shown) return null;
  return (
    <div class="tb-graph__hover" role="tooltip" data-testid="graph-hover" style={{ left: `${shown.at.x + 14}px`, top: `${shown.at.y + 14}px` }}>
      <div class="tb-graph__hover-title">{shown.title}</div>
      {shown.lines
        .filter((l) => l !== '')
        .map((line) => (
          <div class="tb-graph__hover-line">{line}</div>
        ))}
    </div>
  );
}
