/**
 * A dashboard's preferences in localStorage, under `tb-core.<key>` (each plugin names
 * its keys `<plugin id>.<name>`, e.g. `scalars.settings`). Reads and writes never throw: storage may be disabled, full, or hold values from an older
 * version, which the caller's parser turns into defaults.
 */

/** The part of the Web Storage API used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORAGE_PREFIX = 'tb-core.';

/** The page's localStorage, or null where there is none (Node, disabled storage). */
export function defaultStorage(): StorageLike | null {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The stored JSON of `key` through `parse` (which should return defaults for anything
 * unexpected); `parse(undefined)` when absent or unreadable.
 */
export function loadStored<T>(key: string, parse: (raw: unknown) => T, storage = defaultStorage()): T {
  try {
    const text = storage?.getItem(STORAGE_PREFIX + key);
    return parse(text == null ? undefined : (JSON.parse(text) as unknown));
  } catch {
    return parse(undefined);
  }
}

/** Stores `value` as JSON under `key`; a failure only loses the preference. */
export function saveStored(key: string, value: unknown, storage = defaultStorage()): void {
  try {
    storage?.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the preference lasts for this page only.
  }
}
