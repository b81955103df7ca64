/**
 * Stable run colours. A run keeps its colour across reloads and when other runs
 * appear, and the first {@link RUN_PALETTE}.length runs never share a colour.
 */

/** Twelve colours that stay distinguishable on white and on dark grey. */
export const RUN_PALETTE: readonly string[] = [
  '#ff7043', // orange
  '#0077bb', // blue
  '#cc3311', // red
  '#33bbee', // cyan
  '#ee3377', // magenta
  '#009988', // teal
  '#7e57c2', // violet
  '#9ccc65', // light green
  '#8d6e63', // brown
  '#f9a825', // amber
  '#5c6bc0', // indigo
  '#78909c', // blue grey
];

/** FNV-1a over UTF-16 code units: small, fast and the same in every browser. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The colour of one run on its own, from a hash of its name (so the same name always
 * gets the same colour). Use {@link runColors} for a whole list, which avoids clashes.
 */
export function runColor(name: string): string {
  return RUN_PALETTE[hashName(name) % RUN_PALETTE.length]!;
}

/**
 * Colours for a list of runs in their display order (start time, then name): each run
 * starts at its hashed slot and takes the next free one, so the first 12 runs are all
 * distinct and a run that appears later does not recolour the runs before it.
 *
 * @example runColors(['adam', 'sgd']) // { adam: '#…', sgd: '#…' }, never equal
 */
export function runColors(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const n = RUN_PALETTE.length;
  let used = new Array<boolean>(n).fill(false);
  let usedCount = 0;
  for (const name of names) {
    if (name in out) continue;
    if (usedCount === n) {
      used = new Array<boolean>(n).fill(false);
      usedCount = 0;
    }
    let slot = hashName(name) % n;
    while (used[slot]) slot = (slot + 1) % n;
    used[slot] = true;
    usedCount++;
    out[name] = RUN_PALETTE[slot]!;
  }
  return out;
}
