/**
 * d3-brush on each parallel-coordinates axis, wired to the dashboard's brushes: a drag
 * reports the brush in data units (once a frame while it moves, at once when it ends),
 * and brushes changed elsewhere (cleared, or an axis rescaled) are drawn where their
 * values now are. The brush groups are empty <g>s that Preact renders and d3 fills.
 */
import { brushSelection, brushY, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import { useEffect, useRef } from 'preact/hooks';
import type { AxisScale } from './axis-scale.js';
import { brushFromExtent, extentOfBrush, type Brush } from './brush.js';

/** Half the width of the strip along an axis that takes a brush, in pixels. */
export const BRUSH_HALF_WIDTH = 11;

/** One brushable axis. */
export interface BrushAxis {
  readonly id: string;
  readonly scale: AxisScale;
}

/** Pixels apart under which two extents count as the same. */
const SAME_PX = 0.75;

function same(a: readonly [number, number] | null, b: readonly [number, number] | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a[0] - b[0]) < SAME_PX && Math.abs(a[1] - b[1]) < SAME_PX;
}

/** A brush that selects nothing on a category axis is no brush. */
function meaningful(brush: Brush | null): Brush | null {
  return brush && brush.kind === 'values' && brush.values.length === 0 ? null : brush;
}

/**
 * Brushes on `axes` between pixels `top` and `bottom`: returns the ref callback for each
 * axis' brush <g>. `onBrush` gets (axis id, brush or null when cleared). `drawn` says
 * whether the plot (and so the <g>s) is on the page.
 */
export function useAxisBrushes(
  axes: readonly BrushAxis[],
  top: number,
  bottom: number,
  drawn: boolean,
  brushes: Readonly<Record<string, Brush>>,
  onBrush: (id: string, brush: Brush | null) => void,
): (id: string) => (el: SVGGElement | null) => void {
  const groups = useRef(new Map<string, SVGGElement>());
  const behaviours = useRef(new Map<string, BrushBehavior<unknown>>());
  const refs = useRef(new Map<string, (el: SVGGElement | null) => void>());
  const dragging = useRef(false);
  const report = useRef(onBrush);
  report.current = onBrush;
  const current = useRef({ axes, brushes });
  current.current = { axes, brushes };

  /** Draws every stored brush where its values are (not during a drag). */
  const sync = () => {
    if (dragging.current) return;
    for (const axis of current.current.axes) {
      const g = groups.current.get(axis.id);
      const behaviour = behaviours.current.get(axis.id);
      if (!g || !behaviour) continue;
      const stored = current.current.brushes[axis.id];
      const want = stored ? extentOfBrush(axis.scale, stored) : null;
      const have = brushSelection(g) as [number, number] | null;
      if (!same(want, have)) behaviour.move(select(g), want);
    }
  };

  useEffect(() => {
    let frame = 0;
    let pending: { id: string; brush: Brush | null } | null = null;
    const flush = () => {
      frame = 0;
      if (pending) report.current(pending.id, pending.brush);
      pending = null;
    };
    for (const axis of axes) {
      const g = groups.current.get(axis.id);
      if (!g) continue;
      const behaviour = brushY<unknown>()
        .extent([
          [-BRUSH_HALF_WIDTH, top],
          [BRUSH_HALF_WIDTH, bottom],
        ])
        .on('start brush end', (event: D3BrushEvent<unknown>) => {
          if (!event.sourceEvent) return;
          const extent = event.selection as [number, number] | null;
          pending = { id: axis.id, brush: meaningful(extent ? brushFromExtent(axis.scale, extent) : null) };
          if (event.type === 'start') dragging.current = true;
          if (event.type === 'end') {
            dragging.current = false;
            if (frame) cancelAnimationFrame(frame);
            flush();
          } else if (!frame) frame = requestAnimationFrame(flush);
        });
      select(g).call(behaviour);
      behaviours.current.set(axis.id, behaviour);
    }
    sync();
    return () => {
      if (frame) cancelAnimationFrame(frame);
    };
  }, [axes, top, bottom, drawn]);

  useEffect(sync, [brushes]);

  return (id: string) => {
    let ref = refs.current.get(id);
    if (!ref) {
      ref = (el) => {
        if (el) groups.current.set(id, el);
        else groups.current.delete(id);
      };
      refs.current.set(id, ref);
    }
    return ref;
  };
}
