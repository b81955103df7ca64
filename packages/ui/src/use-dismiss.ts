/**
 * Closing popups the way users expect: a press outside the popup's root, or Escape.
 * Used by the download menu and the shell's menus; dashboards use it for their own.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * While `open`, calls `onDismiss` on a mouse press outside `root` or on Escape.
 *
 * @example useDismiss(open, rootRef, () => setOpen(false));
 */
export function useDismiss(open: boolean, root: RefObject<Element>, onDismiss: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: Event) => {
      if (root.current && !root.current.contains(e.target as Node)) onDismiss();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onDismiss();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, root, onDismiss]);
}
