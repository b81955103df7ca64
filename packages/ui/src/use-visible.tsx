/**
 * Whether an element is on screen (or about to be), from one IntersectionObserver per
 * scroll container shared by all cards, so that of 400 cards only the few in view
 * fetch and draw.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** How far outside the scroll container a card counts as visible (prefetch). */
const MARGIN = '300px 0px';

const callbacks = new WeakMap<Element, (visible: boolean) => void>();
const observers = new Map<Element | null, IntersectionObserver>();

/** The nearest ancestor that scrolls vertically (the shell's main area), or null for the viewport. */
function scrollParent(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

function observerFor(root: Element | null): IntersectionObserver {
  let io = observers.get(root);
  if (!io) {
    io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
      },
      { root, rootMargin: MARGIN },
    );
    observers.set(root, io);
  }
  return io;
}

/** Whether `ref`'s element is within (or near) its scroll container's view. */
export function useVisible(ref: RefObject<Element>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const io = observerFor(scrollParent(el));
    callbacks.set(el, setVisible);
    io.observe(el);
    return () => {
      io.unobserve(el);
      callbacks.delete(el);
    };
  }, [ref]);
  return visible;
}
