/**
 * A cheap fingerprint of what a chart drew: FNV-1a over its pixel paths (to a quarter
 * pixel) and colours. It goes on the canvas as `data-path-hash`, so an end-to-end test
 * can tell that moving the smoothing slider changed the drawn lines.
 */
import type { PixelPath } from './columns.js';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

function mix(h: number, word: number): number {
  h ^= word & 0xffff;
  h = Math.imul(h, PRIME);
  h ^= word >>> 16;
  return Math.imul(h, PRIME);
}

/**
 * The hash of the paths with their colours, as 8 hex digits.
 *
 * @example pathHash([{ color: '#f00', path }]) // "5c1d0a2e"
 */
export function pathHash(lines: readonly { readonly color: string; readonly path: PixelPath }[]): string {
  let h = OFFSET;
  for (const { color, path } of lines) {
    for (let i = 0; i < color.length; i++) h = mix(h, color.charCodeAt(i));
    h = mix(h, path.length);
    for (let i = 0; i < path.length; i++) {
      const v = path[i]!;
      h = mix(h, Number.isNaN(v) ? 0x7fffffff : Math.round(v * 4));
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
