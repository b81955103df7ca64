/**
 * Slices' details packed into one UTF-8 buffer and an offsets array: two transferable
 * typed arrays instead of a string per slice. A loaded profile crosses from the loader's
 * worker to the server's thread by structured clone; strings are copied and rebuilt there
 * one by one (a 100 MB trace's details held the server's thread for ~150 ms), typed arrays
 * are moved for free. Browser-safe (TextEncoder/TextDecoder).
 */
import type { TimelineDetails } from './types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** No details at all (what the page's decoded timeline carries). */
export const NO_DETAILS: TimelineDetails = { bytes: new Uint8Array(0), offsets: new Uint32Array(1) };

/** Packs one JSON text (or null: none) per slice. */
export function packDetails(texts: readonly (string | null | undefined)[]): TimelineDetails {
  const offsets = new Uint32Array(texts.length + 1);
  let bytes = new Uint8Array(Math.max(1024, texts.length * 16));
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text) {
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (at + text.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      at += encoder.encodeInto(text, bytes.subarray(at)).written;
    }
    offsets[i + 1] = at;
  }
  return { bytes: bytes.slice(0, at), offsets };
}

/** How many slices `d` has details slots for. */
export const detailCount = (d: TimelineDetails): number => d.offsets.length - 1;

/** Slice `i`'s details text, or null when it has none (or there is no such slot). */
export function detailAt(d: TimelineDetails, i: number): string | null {
  if (!(i >= 0 && i < d.offsets.length - 1)) return null;
  const start = d.offsets[i]!;
  const end = d.offsets[i + 1]!;
  return end > start ? decoder.decode(d.bytes.subarray(start, end)) : null;
}
