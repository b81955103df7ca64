/**
 * Splits a trace's JSON text, fed in chunks of bytes, into its events without ever
 * holding the whole text: a byte scanner follows strings, escapes and nesting across
 * chunk boundaries, finds where each top-level element of the events array ends (the
 * `traceEvents` of Kineto's object, or the autograd profiler's bare list) and hands
 * batches of about {@link BATCH_BYTES} of whole events to `JSON.parse`. Everything
 * outside the events array (schemaVersion, deviceProperties, ...) is kept as a small
 * "skeleton" text, parsed at the end, where the events are put back in.
 *
 * Why not @streamparser/json: measured on the 35.2 MB resnet50_num_workers_0 trace
 * (75,718 events; Node 20.20 on a shared 2-core box; the text in memory, fed in 64 KiB
 * subarrays; 3 rounds, figures of the warm third round, first round in brackets):
 * `JSON.parse` of the whole text 177 (160) MB/s, this scanner with batched JSON.parse
 * 148 (79) MB/s, `new JSONParser({ paths: ['$.traceEvents.*'] })` with an empty onValue
 * 69 (27) MB/s: the tokenizer is 2.5x slower than JSON.parse before it keeps anything.
 * Command: a throw-away script beside bench/parse.mjs timing the three on the gunzipped
 * file with `node --expose-gc` (gc between runs). bench/parse.mjs measures the rest.
 *
 * UTF-8 never uses bytes below 0x80 inside a multi-byte character, so scanning bytes for
 * `"`, `\`, brackets and commas is exact.
 */
import { pickEventFields } from './event-fields.js';
import { ScanSkeleton } from './scan-skeleton.js';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  isSpace,
  locateError,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  TraceParseError,
} from './scan-errors.js';

export { TraceParseError } from './scan-errors.js';

/** Bytes of whole events handed to one `JSON.parse`. */
export const BATCH_BYTES = 1 << 20;

/** What the scanner found once the input ended. */
export interface ScanResult {
  /** The JSON value with its events array in place (Kineto object or autograd list). */
  readonly value: unknown;
  /** Set when the text was cut short (a writer killed mid-write): where, and what was kept. */
  readonly truncatedAt?: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Feed chunks with {@link push}, then call {@link finish}. Chunks must not change after they are pushed. */
export class TraceEventScanner {
  private readonly events: unknown[] = [];
  /** Absolute offset of the current chunk's first byte. */
  private base = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  /** The top-level value: 0 not yet seen, `{` or `[`. */
  private top = 0;
  private ended = false;
  // Keys of the top-level object, to find "traceEvents".
  private expectKey = false;
  private keyBytes: number[] | null = null;
  private lastKey = '';
  private eventsNext = false;
  // Events mode: the elements of the events array live at depth eventDepth.
  private inEvents = false;
  private eventDepth = 0;
  private batch: Uint8Array[] = [];
  private batchStart = 0;
  private batchBytes = 0;
  private lastElementEnd = -1;
  private flushedAtComma = false;
  /** Every byte outside the events array's contents. */
  private readonly skeleton = new ScanSkeleton();
  /** Skeleton bytes up to the end of the last whole member of the top-level object; -1 before one. */
  private memberEndLen = -1;
  /** Where, in the current chunk, the bytes not yet added to the skeleton or the batch begin. */
  private runStart = 0;

  /** Scans one chunk. Throws a {@link TraceParseError} on structurally corrupt input. */
  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    this.runStart = 0;
    let nextBackslash = -2;
    while (i < n) {
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          if (this.keyBytes) this.keyBytes.push(chunk[i]!);
          i++;
          continue;
        }
        if (this.keyBytes) {
          const b = chunk[i]!;
          if (b === QUOTE) this.endKey();
          else {
            if (b === BACKSLASH) this.escape = true;
            if (this.keyBytes.length < 256) this.keyBytes.push(b);
          }
          i++;
          continue;
        }
        // Fast path: jump to the next quote or backslash.
        let q = chunk.indexOf(QUOTE, i);
        if (q < 0) q = n;
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf(BACKSLASH, i);
        if (nextBackslash !== -1 && nextBackslash < q) {
          this.escape = true;
          i = nextBackslash + 1;
          continue;
        }
        if (q < n) this.inString = false;
        i = q + 1;
        continue;
      }
      const b = chunk[i]!;
      if (this.ended) {
        if (!isSpace(b)) throw new TraceParseError('unexpected data after the end of the JSON value', this.base + i);
        i++;
        continue;
      }
      switch (b) {
        case QUOTE:
          this.inString = true;
          this.eventsNext = false;
          if (this.depth === 1 && this.top === OPEN_BRACE && this.expectKey) this.keyBytes = [];
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.depth === 0) {
            this.top = b;
            this.expectKey = b === OPEN_BRACE;
            if (b === OPEN_BRACKET) this.enterEvents(chunk, i, 1);
          } else if (this.depth === 1 && this.eventsNext && b === OPEN_BRACKET) {
            this.enterEvents(chunk, i, 2);
          }
          this.eventsNext = false;
          this.depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.depth--;
          if (this.depth < 0) throw new TraceParseError(`unexpected '${String.fromCharCode(b)}'`, this.base + i);
          if (this.inEvents) {
            if (this.depth === this.eventDepth) this.lastElementEnd = this.base + i + 1;
            else if (this.depth === this.eventDepth - 1) this.leaveEvents(chunk, i);
          }
          if (this.depth === 0) this.ended = true;
          break;
        case COMMA:
          if (this.inEvents) {
            if (this.depth === this.eventDepth && this.batchBytes + (i - this.runStart) >= BATCH_BYTES) {
              this.addToBatch(chunk, i);
              this.flushBatch(this.batchBytes);
              this.flushedAtComma = true;
              this.batchStart = this.base + i + 1;
              this.runStart = i + 1;
            }
          } else if (this.depth === 1 && this.top === OPEN_BRACE) {
            this.expectKey = true;
            this.memberEndLen = this.skeleton.length + (i - this.runStart);
          }
          break;
        case COLON:
          if (this.depth === 1 && this.top === OPEN_BRACE && !this.inEvents) {
            this.expectKey = false;
            this.eventsNext = this.lastKey === 'traceEvents';
          }
          break;
        default:
          if (!isSpace(b)) this.eventsNext = false;
      }
      i++;
    }
    if (this.inEvents) this.addToBatch(chunk, n);
    else this.addToSkeleton(chunk, n);
    this.base += n;
  }

  /** Ends the input: the parsed value, or a repaired one when the text was cut short. */
  finish(): ScanResult {
    const end = this.base;
    if (this.top === 0 && this.skeleton.length === 0) throw new TraceParseError('empty input: no JSON value', end);
    if (this.top === 0) {
      if (this.inString) throw new TraceParseError('the JSON text ends inside a string', end);
      return { value: this.skeleton.parse() };
    }
    if (this.ended) return { value: this.assemble(this.skeleton.parse()) };
    // Cut short: keep the whole events before the cut, close what was open.
    let skeleton: string;
    if (this.inEvents) {
      if (this.lastElementEnd > this.batchStart) this.flushBatch(this.lastElementEnd - this.batchStart);
      this.batch = [];
      skeleton = this.skeleton.text() + (this.top === OPEN_BRACE ? ']}' : ']');
    } else if (this.top === OPEN_BRACE && this.memberEndLen >= 0) {
      skeleton = this.skeleton.text(this.memberEndLen) + '}';
    } else {
      skeleton = this.top === OPEN_BRACE ? '{}' : '[]';
    }
    let value: unknown;
    try {
      value = JSON.parse(skeleton);
    } catch {
      throw new TraceParseError('the JSON text ends early and could not be repaired', end);
    }
    return { value: this.assemble(value), truncatedAt: end };
  }

  private endKey(): void {
    const raw = Uint8Array.from(this.keyBytes!);
    this.keyBytes = null;
    this.inString = false;
    try {
      this.lastKey = JSON.parse(`"${decoder.decode(raw)}"`) as string;
    } catch {
      this.lastKey = '';
    }
  }

  private enterEvents(chunk: Uint8Array, i: number, depth: number): void {
    this.addToSkeleton(chunk, i + 1);
    this.inEvents = true;
    this.eventDepth = depth;
    this.batchStart = this.base + i + 1;
    this.batchBytes = 0;
    this.lastElementEnd = -1;
    this.flushedAtComma = false;
    this.runStart = i + 1;
  }

  private leaveEvents(chunk: Uint8Array, i: number): void {
    this.addToBatch(chunk, i);
    const bytes = this.batchBytes;
    if (this.flushedAtComma && this.batchIsBlank()) throw new TraceParseError('a comma before the end of the events list', this.batchStart);
    this.flushBatch(bytes);
    this.inEvents = false;
    this.runStart = i;
    if (this.top === OPEN_BRACE) this.memberEndLen = this.skeleton.length + 1;
  }

  private addToBatch(chunk: Uint8Array, end: number): void {
    if (end > this.runStart) {
      this.batch.push(chunk.subarray(this.runStart, end));
      this.batchBytes += end - this.runStart;
    }
    this.runStart = end;
  }

  private batchIsBlank(): boolean {
    return this.batch.every((p) => p.every(isSpace));
  }

  private addToSkeleton(chunk: Uint8Array, end: number): void {
    if (end > this.runStart) this.skeleton.add(chunk.subarray(this.runStart, end), this.base + this.runStart);
    this.runStart = end;
  }

  /** Parses the first `length` bytes of the batch as whole events and starts a new batch. */
  private flushBatch(length: number): void {
    const parts = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    if (length === 0) return;
    const bytes = new Uint8Array(length + 2);
    bytes[0] = OPEN_BRACKET;
    let at = 1;
    for (const p of parts) {
      const take = Math.min(p.length, length + 1 - at);
      if (take <= 0) break;
      bytes.set(take === p.length ? p : p.subarray(0, take), at);
      at += take;
    }
    bytes[length + 1] = CLOSE_BRACKET;
    let parsed: unknown[];
    try {
      parsed = JSON.parse(decoder.decode(bytes)) as unknown[];
    } catch (err) {
      throw locateError(bytes.subarray(1, length + 1), this.batchStart, err);
    }
    for (const e of parsed) this.events.push(pickEventFields(e));
  }

  /** Puts the streamed events back into the parsed skeleton. */
  private assemble(value: unknown): unknown {
    if (this.top === OPEN_BRACKET) return this.events;
    if (this.eventDepth === 2 && typeof value === 'object' && value !== null) {
      (value as Record<string, unknown>).traceEvents = this.events;
    }
    return value;
  }
}
