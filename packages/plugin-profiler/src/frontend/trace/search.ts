/**
 * The search box's logic: which slices a query matches (a case-insensitive substring of
 * the name), in time order, and stepping through them with wrap-around.
 */
import type { Timeline } from '../../timeline/types.js';

/** The slices whose names contain `query` (ignoring case), by start time; empty for a blank query. */
export function findMatches(t: Timeline, query: string): Uint32Array {
  const q = query.trim().toLowerCase();
  if (!q) return new Uint32Array(0);
  const hit = new Uint8Array(t.names.length);
  t.names.forEach((n, i) => (hit[i] = n.toLowerCase().includes(q) ? 1 : 0));
  const { name, start } = t.slices;
  const out: number[] = [];
  for (let i = 0; i < name.length; i++) if (hit[name[i]!]) out.push(i);
  return Uint32Array.from(out).sort((a, b) => start[a]! - start[b]! || a - b);
}

/** A per-slice mask of the matches (1: matched), for dimming the rest. */
export function matchMask(sliceCount: number, matches: Uint32Array): Uint8Array {
  const mask = new Uint8Array(sliceCount);
  for (const i of matches) mask[i] = 1;
  return mask;
}

/** The next (dir 1) or previous (dir -1) match position, wrapping; from -1, the first or the last. */
export function stepMatch(current: number, count: number, dir: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return dir > 0 ? 0 : count - 1;
  return (current + dir + count) % count;
}

/** "3 of 120", "no matches", or '' for no query. */
export function matchLabel(current: number, count: number, query: string): string {
  if (!query.trim()) return '';
  if (count === 0) return 'no matches';
  return current >= 0 ? `${current + 1} of ${count}` : `${count} matches`;
}
