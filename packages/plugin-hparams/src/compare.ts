/**
 * Orders as Python's: strings by code point (JavaScript's `<` compares UTF-16 code
 * units, which puts U+E000..U+FFFF after astral characters).
 */

/** Maps a UTF-16 code unit so that surrogates (astral characters) sort after the rest of the BMP. */
function rank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Compares two strings by code point, as Python's `<` does: negative, 0 or positive. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
