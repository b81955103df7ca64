/**
 * The width (CSS pixels) an element has for its content, kept current as its card
 * resizes; 0 until measured, and where there is no layout (no ResizeObserver, or a
 * DOM without one). Returns a callback ref, so an element that comes and goes (an
 * image replaced by an error and back) is measured each time it comes.
 */
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';

/** @example const [width, ref] = useWidth(); return <div ref={ref}>…</div>; */
export function useWidth(): [number, (el: HTMLElement | null) => void] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [width, useCallback((node: HTMLElement | null) => setEl(node), [])];
}
