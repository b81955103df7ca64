/**
 * Which categories are open: each starts as the layout says (`closed`), and a category
 * the user toggled stays as they left it, remembered across visits by its title.
 */
import { loadStored, saveStored } from '@tb/ui';

const KEY = 'custom_scalars.toggled';

/** The titles whose open state the user flipped from the layout's. */
export function loadToggled(): ReadonlySet<string> {
  return loadStored(KEY, (raw) => new Set(Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : []));
}

/** Remembers the flipped titles. */
export function saveToggled(toggled: ReadonlySet<string>): void {
  saveStored(KEY, [...toggled]);
}

/** Whether a category is open: the layout's state, flipped when the user toggled it. */
export function isOpen(closedByLayout: boolean, toggled: boolean): boolean {
  return closedByLayout === toggled;
}
