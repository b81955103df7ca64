/**
 * The part of a trace's JSON text outside its events array (`{"schemaVersion": 1, ...,
 * "traceEvents": [], ...}`), collected by the scanner (./event-scanner.ts) as copies of
 * the chunks' bytes, each remembered with its offset in the whole text so that a parse
 * error names the byte of the file.
 */
import { messageOf, positionOf, TraceParseError } from './scan-errors.js';

/** The skeleton starts where the file does: a byte order mark there is dropped. */
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** The skeleton bytes, added in order as the scanner passes them. */
export class ScanSkeleton {
  private readonly parts: Uint8Array[] = [];
  /** For each part: where it starts in the skeleton and in the whole text. */
  private readonly starts: Array<{ at: number; abs: number }> = [];
  /** Bytes so far. */
  length = 0;

  /** Appends a copy of `bytes`, which begin at byte `abs` of the whole text. */
  add(bytes: Uint8Array, abs: number): void {
    if (bytes.length === 0) return;
    this.starts.push({ at: this.length, abs });
    this.parts.push(bytes.slice());
    this.length += bytes.length;
  }

  /** The text of the first `byteLength` bytes (all by default). */
  text(byteLength = this.length): string {
    const all = new Uint8Array(byteLength);
    let at = 0;
    for (const p of this.parts) {
      if (at >= byteLength) break;
      const take = Math.min(p.length, byteLength - at);
      all.set(take === p.length ? p : p.subarray(0, take), at);
      at += take;
    }
    return decoder.decode(all);
  }

  /** The parsed skeleton; a TraceParseError naming the byte of the whole text when it is corrupt. */
  parse(): unknown {
    const text = this.text();
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new TraceParseError(`corrupt JSON outside the events: ${messageOf(err)}`, this.offsetOf(text, positionOf(err)));
    }
  }

  /** The offset in the whole text of character `pos` of `text` (the skeleton's end when unknown). */
  private offsetOf(text: string, pos: number | undefined): number {
    const last = this.starts.at(-1);
    const end = last ? last.abs + (this.length - last.at) : 0;
    if (pos === undefined) return end;
    const first = this.parts[0];
    const bom = first !== undefined && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
    const byte = bom + Buffer.byteLength(text.slice(0, pos));
    for (let i = this.starts.length - 1; i >= 0; i--) {
      const s = this.starts[i]!;
      if (s.at <= byte) return s.abs + (byte - s.at);
    }
    return end;
  }
}
