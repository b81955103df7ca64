/**
 * Nesting levels of one track's slices by time containment: a slice that starts inside
 * another and ends within it sits one level below it. A slice that overlaps the one above
 * without fitting inside it (clock rounding, a stray event) still goes one level down, so
 * two slices of the same level never overlap.
 */

/**
 * Writes the depth of slices `from` to `to - 1` (one track, sorted by start, and for
 * equal starts longest first) into `depth`; returns the number of levels used.
 */
export function assignDepths(
  start: Float64Array,
  dur: Float64Array,
  from: number,
  to: number,
  depth: Uint16Array,
): number {
  const openEnds: number[] = [];
  let levels = 0;
  for (let i = from; i < to; i++) {
    const s = start[i]!;
    while (openEnds.length > 0 && openEnds[openEnds.length - 1]! <= s) {
      openEnds.pop();
    }
    const d = Math.min(openEnds.length, 0xffff);
    depth[i] = d;
    if (d + 1 > levels) levels = d + 1;
    openEnds.push(s + dur[i]!);
  }
  return levels;
}
