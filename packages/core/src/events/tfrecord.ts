/**
 * The streaming TFRecord reader (the frame is described in `record-format.ts`).
 *
 * `TfRecordReader` reads a file that may still be growing: each `read` call opens the
 * file, delivers every complete record from where the last call stopped, and closes it
 * again. The file is read in large chunks into one buffer and parsed in memory; a
 * record cut off at the end of what is on disk is left for the next call. A file that
 * shrank, or whose first bytes changed, was rewritten (a job restarted under the same
 * file name): the reader says so and starts over from its beginning.
 */

import type { StoreFile } from '../storage/store.js';
import { maskedCrc32c } from './crc32c.js';
import { DEFAULT_CHUNK_BYTES, Window } from './file-window.js';
import { toSource, type RecordSource } from './record-source.js';
import { FOOTER_BYTES, FRAME_BYTES, HEADER_BYTES, MAX_RECORD_BYTES, TWO_POW_32, findHeader, hex32, u32le } from './record-format.js';

export { encodeRecord, readRecordAt, MAX_RECORD_BYTES } from './record-format.js';
export { fileSource, storeSource, type RecordSource } from './record-source.js';

/** Called for each good record. `data` is a view valid only during the call. `offset` = file offset of the record's first header byte. */
export type RecordSink = (data: Uint8Array, offset: number, length: number) => void;

export interface ReadReport {
  /** Good records delivered in this call. */
  records: number;
  /** How far `offset` advanced in this call. */
  bytesConsumed: number;
  /** Data-CRC mismatches skipped in this call. */
  crcErrors: number;
  /** Messages to log, each problem once per file (the reader remembers what it already said). */
  problems: string[];
  /** True once reading this file has ended (fatal problem); further calls deliver nothing unless the file is rewritten. */
  ended: boolean;
  /** Bytes after `offset` that form an incomplete record: "not yet", read again later. */
  pendingBytes: number;
  /**
   * True when the file was found rewritten (it shrank, or its first bytes changed) and
   * nothing was delivered: the reader has started over, and the next call reads the file
   * from its start. What the caller kept from the old content is stale.
   */
  replaced: boolean;
}

export interface TfRecordReaderOptions {
  /** Largest record length accepted; a longer one ends reading the file. Default 256 MiB. */
  maxRecordBytes?: number;
  /** Size of each read from the file. Default 4 MiB. */
  chunkBytes?: number;
}

/** How many of a file's first bytes are kept to notice that it was rewritten. */
const FINGERPRINT_BYTES = 64;
/** Offsets examined by one call of the header hunt before it checks the clock. */
const SCAN_SLICE_BYTES = 1024 * 1024;
/** The longest a hunt keeps the event loop before it yields. */
const YIELD_AFTER_MS = 10;

function isEnoent(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where a length-checksum resynchronization stands between calls. */
interface Resync {
  /** Offset of the header whose length checksum failed (== reader offset). */
  badAt: number;
  /** First offset not yet ruled out as the start of the next valid record. */
  scanFrom: number;
  /** "bad length checksum at offset X (stored ..., computed ...)". */
  what: string;
}

export class TfRecordReader {
  /** The file's path or URL, as messages name it. */
  readonly path: string;
  private readonly source: RecordSource;
  private readonly maxRecordBytes: number;
  private readonly chunkBytes: number;
  private _offset = 0;
  private _records = 0;
  private _crcErrors = 0;
  private _ended = false;
  private resync: Resync | null = null;
  /** The file's size when it was last read (it never shrinks unless rewritten). */
  private sizeSeen = 0;
  /** The file's first bytes as last read, up to {@link FINGERPRINT_BYTES}. */
  private head = new Uint8Array(0);
  /** Kinds of problem already reported for this file. */
  private readonly said = new Set<'data-crc' | 'length-crc'>();
  /** Serializes overlapping `read` calls. */
  private tail: Promise<unknown> = Promise.resolve();

  /** Reads the file at `from` (a path on disk) or from a {@link RecordSource} (any store). */
  constructor(from: string | RecordSource, options: TfRecordReaderOptions = {}) {
    this.source = toSource(from);
    this.path = this.source.name;
    const max = options.maxRecordBytes ?? MAX_RECORD_BYTES;
    const chunk = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    if (!(Number.isSafeInteger(max) && max >= 0)) throw new RangeError(`maxRecordBytes must be a non-negative integer, got ${max}`);
    if (!(Number.isSafeInteger(chunk) && chunk >= 1)) throw new RangeError(`chunkBytes must be a positive integer, got ${chunk}`);
    this.maxRecordBytes = max;
    this.chunkBytes = Math.max(chunk, FRAME_BYTES);
  }

  /** File offset of the next record to read. */
  get offset(): number {
    return this._offset;
  }

  /** Total good records delivered so far. */
  get recordCount(): number {
    return this._records;
  }

  /** Total records skipped for a bad data checksum so far. */
  get crcErrorCount(): number {
    return this._crcErrors;
  }

  get ended(): boolean {
    return this._ended;
  }

  /**
   * Reads every complete record from `offset` to the current end of file.
   * `final`: the file has stopped growing (a newer file exists), so an incomplete record
   * at its end is a problem (warning, ended), not "not yet".
   */
  read(sink: RecordSink, options: { final?: boolean } = {}): Promise<ReadReport> {
    const run = this.tail.then(() => this.readNow(sink, options.final === true));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async readNow(sink: RecordSink, final: boolean): Promise<ReadReport> {
    const report: ReadReport = {
      records: 0,
      bytesConsumed: 0,
      crcErrors: 0,
      problems: [],
      ended: this._ended,
      pendingBytes: 0,
      replaced: false,
    };
    const startOffset = this._offset;
    let fh: StoreFile;
    try {
      fh = await this.source.open();
    } catch (err) {
      if (!isEnoent(err)) throw err;
      if (!this._ended) this.endWith(report, `${this.path}: file disappeared (was reading at offset ${this._offset})`);
      return report;
    }
    let win: Window | null = null;
    try {
      const size = fh.size;
      // On a first read there is nothing to compare: the first bytes come with the first
      // chunk (on object storage, one request less per file).
      const firstRead = this.head.length === 0 && this._offset === 0 && this.resync === null;
      const rewritten = firstRead ? null : await this.rewrittenBecause(fh, size);
      if (rewritten !== null) {
        report.problems.push(
          `${this.path}: ${rewritten} since it was last read (up to offset ${this._offset}): the file was rewritten; ` +
            `reading it again from the start`,
        );
        this.startOver();
        report.replaced = true;
        return report;
      }
      this.sizeSeen = size;
      if (this._ended) return report;
      win = new Window(fh, this.chunkBytes, this.resync ? this.resync.scanFrom : this._offset, size);
      if (firstRead && size > 0) {
        await win.fill(0, Math.min(size, FINGERPRINT_BYTES));
        this.head = win.buf.slice(0, Math.min(win.end, FINGERPRINT_BYTES));
      }
      await this.parse(win, sink, final, report);
    } finally {
      win?.release();
      await fh.close();
      report.bytesConsumed = report.replaced ? 0 : this._offset - startOffset;
      report.ended = this._ended;
    }
    return report;
  }

  /**
   * Why the file at `fh` (now `size` bytes) is not the file read so far, or null: it is
   * shorter than when last read, or its first bytes differ. Keeps its first bytes for
   * the next call's comparison.
   */
  private async rewrittenBecause(fh: StoreFile, size: number): Promise<string | null> {
    if (size < this.sizeSeen) return `it shrank from ${this.sizeSeen} to ${size} bytes`;
    const want = Math.min(size, FINGERPRINT_BYTES);
    if (want === 0) return null;
    const now = new Uint8Array(want);
    let got = 0;
    while (got < want) {
      const bytesRead = await fh.read(now, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const known = this.head;
    const same = Math.min(known.length, got);
    for (let i = 0; i < same; i++) {
      if (now[i] !== known[i]) return `its first ${known.length} bytes changed (byte ${i} was ${known[i]}, is ${now[i]})`;
    }
    if (got > known.length) this.head = now.subarray(0, got);
    return null;
  }

  /** Forgets everything read, as for a new file. */
  private startOver(): void {
    this._offset = 0;
    this._records = 0;
    this._crcErrors = 0;
    this._ended = false;
    this.resync = null;
    this.sizeSeen = 0;
    this.head = new Uint8Array(0);
    this.said.clear();
  }

  private endWith(report: ReadReport, message: string): void {
    this._ended = true;
    this.resync = null;
    report.ended = true;
    report.pendingBytes = 0;
    report.problems.push(message);
  }

  private async parse(win: Window, sink: RecordSink, final: boolean, report: ReadReport): Promise<void> {
    const max = this.maxRecordBytes;
    for (;;) {
      if (this.resync) {
        if (!(await this.scanForRecord(win, this.resync, final, report))) return;
        continue;
      }

      // Normal mode: deliver records from `pos` as long as they are whole in the buffer.
      const buf = win.buf;
      const base = win.base;
      const end = win.end;
      let pos = this._offset;
      let p = pos - base;
      let need = HEADER_BYTES;
      let length = -1;
      try {
        for (;;) {
          const avail = end - p;
          if (avail < HEADER_BYTES) {
            need = HEADER_BYTES;
            length = -1;
            break;
          }
          const storedLenCrc = u32le(buf, p + 8);
          const lenCrc = maskedCrc32c(buf, p, p + 8);
          if (lenCrc !== storedLenCrc) {
            const what = `bad length checksum at offset ${pos} (stored ${hex32(storedLenCrc)}, computed ${hex32(lenCrc)})`;
            this.resync = { badAt: pos, scanFrom: pos + 1, what };
            need = -1;
            break;
          }
          length = u32le(buf, p + 4) * TWO_POW_32 + u32le(buf, p);
          if (length > max) {
            this.endWith(
              report,
              `${this.path}: record at offset ${pos} has length ${length} (its length checksum is valid), ` +
                `but at most ${max} bytes are expected; stopped reading this file`,
            );
            return;
          }
          const total = length + FRAME_BYTES;
          if (avail < total) {
            need = total;
            break;
          }
          const dataStart = p + HEADER_BYTES;
          const dataEnd = dataStart + length;
          const stored = u32le(buf, dataEnd);
          const actual = maskedCrc32c(buf, dataStart, dataEnd);
          const recordOffset = pos;
          p += total;
          pos += total;
          if (stored !== actual) {
            this._crcErrors++;
            report.crcErrors++;
            if (!this.said.has('data-crc')) {
              this.said.add('data-crc');
              report.problems.push(
                `${this.path}: record at offset ${recordOffset} has a bad data checksum ` +
                  `(stored ${hex32(stored)}, computed ${hex32(actual)}); skipped (later ones in this file are only counted)`,
              );
            }
            continue;
          }
          this._records++;
          report.records++;
          this._offset = pos;
          sink(buf.subarray(dataStart, dataEnd), recordOffset, length);
        }
      } finally {
        this._offset = pos;
      }
      if (need < 0) continue; // switched to resynchronization

      if (pos + need <= win.limit) {
        await win.fill(pos, need);
        continue;
      }
      // The record at `pos` is not all on disk (or the file ends cleanly at `pos`).
      const remaining = Math.max(0, win.limit - pos);
      if (remaining === 0) return;
      if (!final) {
        report.pendingBytes = remaining;
        return;
      }
      const expected =
        length < 0
          ? `a ${HEADER_BYTES}-byte record header`
          : `${length + FRAME_BYTES} bytes (${HEADER_BYTES}-byte header, ${length} data bytes, ${FOOTER_BYTES}-byte checksum)`;
      this.endWith(
        report,
        `${this.path}: record at offset ${pos} is cut off: expected ${expected}, found only ${remaining} bytes ` +
          `before the end of the file; stopped reading this file`,
      );
      return;
    }
  }

  /**
   * After a bad length checksum: hunts from `rs.scanFrom` for the next offset holding a
   * whole record whose length and data checksums both match ({@link findHeader} rules
   * out most offsets without a checksum). Returns true when one was found (the reader's
   * offset moves there and normal reading resumes), false when this call is over. A long
   * hunt yields to the event loop every few milliseconds, whatever the chunk size.
   */
  private async scanForRecord(win: Window, rs: Resync, final: boolean, report: ReadReport): Promise<boolean> {
    const max = this.maxRecordBytes;
    let firstIncomplete = -1;
    let scan = rs.scanFrom;
    let lastYield = performance.now();
    for (;;) {
      const buf = win.buf;
      const base = win.base;
      const limit = win.limit;
      // Offsets q < stop have a whole header in the buffer.
      const stop = win.end - HEADER_BYTES + 1;
      let q = scan - base;
      let need = HEADER_BYTES;
      let found = -1;
      while (q < stop) {
        const sliceEnd = Math.min(stop, q + SCAN_SLICE_BYTES);
        q = findHeader(buf, q, sliceEnd, max);
        if (q >= sliceEnd) {
          q = sliceEnd;
          if (performance.now() - lastYield >= YIELD_AFTER_MS) {
            await yieldToEventLoop();
            lastYield = performance.now();
          }
          continue;
        }
        const length = u32le(buf, q + 4) * TWO_POW_32 + u32le(buf, q);
        const total = length + FRAME_BYTES;
        if (base + q + total > limit) {
          // Not all on disk: maybe the real next record, still being written.
          if (firstIncomplete < 0) firstIncomplete = base + q;
        } else if (win.end - q < total) {
          need = total;
          break;
        } else if (maskedCrc32c(buf, q + HEADER_BYTES, q + HEADER_BYTES + length) === u32le(buf, q + HEADER_BYTES + length)) {
          found = base + q;
          break;
        }
        q++;
      }
      scan = base + q;

      if (found >= 0) {
        if (!this.said.has('length-crc')) {
          this.said.add('length-crc');
          report.problems.push(
            `${this.path}: ${rs.what}; skipped ${found - rs.badAt} bytes to the next valid record at ${found}`,
          );
        }
        this.resync = null;
        this._offset = found;
        return true;
      }
      if (scan + need <= limit) {
        await win.fill(scan, need);
        lastYield = performance.now();
        continue;
      }

      // Nothing valid in what is on disk.
      const remaining = Math.max(0, limit - rs.badAt);
      if (final) {
        this.endWith(
          report,
          `${this.path}: ${rs.what}; expected a valid record after it, found none in the remaining ${remaining} bytes; ` +
            `stopped reading this file`,
        );
        return false;
      }
      rs.scanFrom = firstIncomplete >= 0 ? firstIncomplete : scan;
      report.pendingBytes = remaining;
      if (!this.said.has('length-crc')) {
        this.said.add('length-crc');
        report.problems.push(
          `${this.path}: ${rs.what}; no valid record follows it yet in the ${remaining} bytes on disk; ` +
            `will look again when the file grows`,
        );
      }
      return false;
    }
  }
}

