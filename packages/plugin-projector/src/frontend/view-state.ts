/**
 * The view's state as the dashboard keeps it: read from the link (`projector=` in the
 * fragment) or else from localStorage, and written to both as it changes (the fragment
 * in place, with history.replaceState, so the shell's back/forward stay as they are).
 */
import { loadStored, saveStored } from '@tb/ui';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_VIEW, parseView, readViewFromHash, writeViewToHash, type ViewState } from './url-state.js';

/** localStorage key of the last view. */
export const STORAGE_KEY = 'projector.view';
const WRITE_DELAY_MS = 250;

/** The view and its updater. `fromLink` says whether the page opened on a link's view. */
export function useViewState(): { view: ViewState; update: (patch: Partial<ViewState>) => void; fromLink: boolean } {
  const [initial] = useState(() => {
    const linked = typeof location === 'undefined' ? null : readViewFromHash(location.hash);
    return { view: linked ?? loadStored(STORAGE_KEY, (raw) => (raw === undefined ? DEFAULT_VIEW : parseView(raw))), fromLink: linked !== null };
  });
  const [view, setView] = useState<ViewState>(initial.view);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      saveStored(STORAGE_KEY, view);
      const hash = writeViewToHash(location.hash, view);
      if (hash !== location.hash.replace(/^#/, '')) history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [view]);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  return { view, update, fromLink: initial.fromLink };
}
