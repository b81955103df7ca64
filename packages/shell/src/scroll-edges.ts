/**
 * A horizontally scrolling strip (the tab bar on a narrow window) that says when more is
 * hidden on either side, turns the mouse wheel into sideways scrolling, and keeps the
 * active item in view.
 */
import { useCallback, useEffect, useLayoutEffect, useState, type MutableRef } from 'preact/hooks';

/** Which sides of the strip have content scrolled out of view. */
export interface ScrollEdges {
  readonly left: boolean;
  readonly right: boolean;
}

/** The hidden sides of a strip with these scroll metrics (1 px of slack for rounding). */
export function scrollEdges(scrollLeft: number, clientWidth: number, scrollWidth: number): ScrollEdges {
  return { left: scrollLeft > 1, right: scrollLeft + clientWidth < scrollWidth - 1 };
}

/**
 * Tracks the hidden sides of `ref`'s element; scrolls the `[aria-selected="true"]` child
 * (or the element `activeKey` names) into view when `activeKey` changes.
 */
export function useScrollEdges(ref: MutableRef<HTMLElement | null>, activeKey: unknown): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>({ left: false, right: false });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const next = scrollEdges(el.scrollLeft, el.clientWidth, el.scrollWidth);
    setEdges((prev) => (prev.left === next.left && prev.right === next.right ? prev : next));
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (el.scrollWidth <= el.clientWidth || Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
      el.scrollLeft += e.deltaY;
      e.preventDefault();
    };
    el.addEventListener('scroll', update, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: false });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      el.removeEventListener('wheel', onWheel);
      observer?.disconnect();
    };
  }, [ref, update]);
  // The tabs may have changed with any render.
  useEffect(update);
  useLayoutEffect(() => {
    const active = ref.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    active?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [activeKey]);
  return edges;
}
