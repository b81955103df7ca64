/**
 * The content width and height of an element in CSS pixels, kept current by a
 * ResizeObserver: the plots redraw to the width they get. A hidden element measures 0.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A width and a height in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The size of `ref`'s element, updated as it changes. */
export function useSize(ref: RefObject<Element>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (width: number, height: number) =>
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    const rect = el.getBoundingClientRect();
    measure(Math.floor(rect.width), Math.floor(rect.height));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) measure(Math.floor(e.contentRect.width), Math.floor(e.contentRect.height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
