/**
 * Pinned cards: tags the user keeps in a "Pinned" group at the top, remembered in
 * localStorage as a list of tag names.
 */

/** The localStorage key (under storage.ts's prefix). */
export const PINS_KEY = 'scalars.pins';

/** The pinned tags from a stored value: its strings, each once; [] for anything else. */
export function parsePins(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((t): t is string => typeof t === 'string'))];
}

/** `pins` with `tag` added at the end, or removed when it was there. */
export function togglePin(pins: readonly string[], tag: string): string[] {
  return pins.includes(tag) ? pins.filter((t) => t !== tag) : [...pins, tag];
}
