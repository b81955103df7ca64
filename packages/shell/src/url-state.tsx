/**
 * The view in the URL, so that a link reproduces it and back/forward work.
 *
 * Encoding: the fragment, as form-encoded key/value pairs (URLSearchParams), e.g.
 *   #tab=scalars&runFilter=adam&runs=adam%2Ftrain&runs=adam%2Fvalidation
 * - `tab`: the active plugin's id. A bare TensorBoard-style `#scalars` is read as a tab too.
 * - `runFilter`: the run regex as typed (left out when empty).
 * - `runs`: one entry per selected run, present only once the user chose runs
 *   explicitly; a single empty `runs=` means "none selected". Without `runs`, every run
 *   is selected, including runs that appear later.
 * The fragment keeps the state out of the server's way (any path prefix works) and needs
 * no server support. Tab switches and run selections push a history entry (back undoes
 * them); typing in the filter replaces the current entry.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

/** The part of the view that lives in the URL. */
export interface ViewState {
  /** The active plugin id; null: the first active plugin. */
  readonly tab: string | null;
  /** The run filter regex, as typed. */
  readonly runFilter: string;
  /** The runs the user selected explicitly; null: all runs (the default). */
  readonly runs: readonly string[] | null;
}

export const DEFAULT_VIEW: ViewState = { tab: null, runFilter: '', runs: null };

/** Reads a fragment (with or without its `#`). */
export function parseHash(hash: string): ViewState {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return DEFAULT_VIEW;
  if (!body.includes('=') && !body.includes('&')) {
    return { ...DEFAULT_VIEW, tab: safeDecode(body) || null };
  }
  const params = new URLSearchParams(body);
  const runs = params.has('runs') ? params.getAll('runs').filter((r) => r !== '') : null;
  return { tab: params.get('tab') || null, runFilter: params.get('runFilter') ?? '', runs };
}

/** Writes a fragment, without its `#`; the default view is the empty string. */
export function formatHash(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.tab) params.set('tab', state.tab);
  if (state.runFilter) params.set('runFilter', state.runFilter);
  if (state.runs) {
    if (state.runs.length === 0) params.append('runs', '');
    for (const run of state.runs) params.append('runs', run);
  }
  return params.toString();
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** How a change reaches the history: a new entry (back undoes it) or in place. */
export type HistoryMode = 'push' | 'replace';

/**
 * The view state, kept in `location.hash`: returns it and a setter that writes the URL.
 * Back/forward (popstate) and edits of the address bar (hashchange) update the state.
 */
export function useUrlState(): [ViewState, (next: ViewState, mode: HistoryMode) => void] {
  const [state, setState] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const sync = () => setState(parseHash(location.hash));
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
  }, []);
  const update = useCallback((next: ViewState, mode: HistoryMode) => {
    const hash = formatHash(next);
    const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
    if (hash !== location.hash.replace(/^#/, '')) {
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    setState(next);
  }, []);
  return [state, update];
}
