/**
 * localStorage for the shell's preferences (settings, run colours), under `tb-core.` keys.
 * Reads and writes never throw: storage may be full, disabled or hold old junk.
 */

const PREFIX = 'tb-core.';

/** The stored JSON value of `key`, or `fallback` when absent or unreadable. */
export function loadJson<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Stores `value` as JSON under `key`; a failure only loses the preference. */
export function saveJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage unavailable: the preference lasts for this page only.
  }
}
