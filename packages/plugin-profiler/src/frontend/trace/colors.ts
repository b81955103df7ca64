/**
 * Slice colours: a stable hash of the slice name picks a hue, so the same op has the same
 * colour in every view and every session; lightness is chosen per theme so the dark
 * label text (light theme) or light label text (dark theme) stays readable.
 */

/** FNV-1a, 32 bits: a fast, stable hash of a string. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fill of slices named `name`, as an `hsl()` string. */
export function sliceColor(name: string, dark: boolean): string {
  const h = hashName(name);
  const hue = h % 360;
  const sat = 45 + ((h >>> 9) % 25);
  const light = dark ? 32 + ((h >>> 17) % 12) : 66 + ((h >>> 17) % 14);
  return `hsl(${hue} ${sat}% ${light}%)`;
}

/** The colour of text drawn on a slice fill. */
export function sliceTextColor(dark: boolean): string {
  return dark ? '#f1f1f1' : '#1a1a1a';
}

/** One fill per name index, computed once per timeline and theme. */
export function namePalette(names: readonly string[], dark: boolean): string[] {
  return names.map((n) => sliceColor(n, dark));
}
