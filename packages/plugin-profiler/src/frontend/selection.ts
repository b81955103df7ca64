/**
 * The page's selection (run, worker, span, view), remembered for the browser tab in
 * sessionStorage so that a reload or a trip to another dashboard comes back to it.
 */
import type { StorageLike } from '@tb/ui';

/** What the user chose; each part may be absent. */
export interface Selection {
  readonly run?: string;
  readonly worker?: string;
  readonly span?: string;
  readonly view?: string;
}

/** The storage key. */
export const SELECTION_KEY = 'tb-core.profile.selection';

function session(): StorageLike | null {
  try {
    return (globalThis as { sessionStorage?: StorageLike }).sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** The string fields of `raw` that a selection has; anything else is dropped. */
export function parseSelection(raw: unknown): Selection {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string> = {};
  for (const k of ['run', 'worker', 'span', 'view'] as const) {
    const v = (raw as Record<string, unknown>)[k];
    if (typeof v === 'string' && v) out[k] = v;
  }
  return out;
}

/** The remembered selection ({} when none or unreadable). */
export function loadSelection(storage: StorageLike | null = session()): Selection {
  try {
    const text = storage?.getItem(SELECTION_KEY);
    return text ? parseSelection(JSON.parse(text)) : {};
  } catch {
    return {};
  }
}

/** Remembers `sel`; a failure only forgets it. */
export function saveSelection(sel: Selection, storage: StorageLike | null = session()): void {
  try {
    storage?.setItem(SELECTION_KEY, JSON.stringify(parseSelection(sel)));
  } catch {
    // Storage disabled or full: the selection lasts for this page only.
  }
}
