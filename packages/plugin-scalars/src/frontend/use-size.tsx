/**
 * The content size of an element in CSS pixels, from one ResizeObserver shared by all
 * charts: a chart redraws (and may fetch more points) when its card is expanded or the
 * window resized. A hidden element measures 0 x 0.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A width and a height in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

const ZERO: Size = { width: 0, height: 0 };
const callbacks = new WeakMap<Element, (size: Size) => void>();
let observer: ResizeObserver | null = null;

function shared(): ResizeObserver {
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      const { width, height } = e.contentRect;
      callbacks.get(e.target)?.({ width: Math.floor(width), height: Math.floor(height) });
    }
  });
  return observer;
}

/** The size of `ref`'s element, updated as it changes. */
export function useSize(ref: RefObject<Element>): Size {
  const [size, setSize] = useState<Size>(ZERO);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    callbacks.set(el, (next) => setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next)));
    shared().observe(el);
    return () => {
      shared().unobserve(el);
      callbacks.delete(el);
    };
  }, [ref]);
  return size;
}
