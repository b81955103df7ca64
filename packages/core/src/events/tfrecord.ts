/**
 * The streaming TFRecord reader (the frame is described in `record-format.ts`).
 *
 * `TfRecordReader` reads a file that may still be growing: each `read` call opens the
 * file, delivers every complete record from where the last call stopped, and closes it
 * again. The file is read in large chunks into one buffer and parsed in memory; a
 * record cut off at the end of what is on disk is left for the next call.
 */

import { open, type FileHandle } from 'node:fs/promises';
import { maskedCrc32c } from './crc32c.js';
import { DEFAULT_CHUNK_BYTES, Window } from './file-window.js';
import { FOOTER_BYTES, FRAME_BYTES, HEADER_BYTES, MAX_RECORD_BYTES, TWO_POW_32, hex32, u32le } from './record-format.js';

export { encodeRecord, readRecordAt, MAX_RECORD_BYTES } from './record-format.js';

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
  /** True once reading this file has ended for good (fatal problem); further calls do nothing. */
  ended: boolean;
  /** Bytes after `offset` that form an incomplete record: "not yet", read again later. */
  pendingBytes: number;
}

export interface TfRecordReaderOptions {
  /** Largest record length accepted; a longer one ends reading the file. Default 256 MiB. */
  maxRecordBytes?: number;
  /** Size of each read from the file. Default 4 MiB. */
  chunkBytes?: number;
}

function isEnoent(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
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
  readonly path: string;
  private readonly maxRecordBytes: number;
  private readonly chunkBytes: number;
  private _offset = 0;
  private _records = 0;
  private _crcErrors = 0;
  private _ended = false;
  private resync: Resync | null = null;
  /** Kinds of problem already reported for this file. */
  private readonly said = new Set<'data-crc' | 'length-crc'>();
  /** Serializes overlapping `read` calls. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(path: string, options: TfRecordReaderOptions = {}) {
    this.path = path;
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
    const report: ReadReport = { records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: this._ended, pendingBytes: 0 };
    if (this._ended) return report;
    const startOffset = this._offset;
    let fh: FileHandle;
    let size: number;
    try {
      fh = await open(this.path, 'r');
    } catch (err) {
      if (!isEnoent(err)) throw err;
      this.endWith(report, `${this.path}: file disappeared (was reading at offset ${this._offset})`);
      return report;
    }
    let win: Window | null = null;
    try {
      size = (await fh.stat()).size;
      win = new Window(fh, this.chunkBytes, this.resync ? this.resync.scanFrom : this._offset, size);
      await this.parse(win, sink, final, report);
    } finally {
      win?.release();
      await fh.close();
      report.bytesConsumed = this._offset - startOffset;
      report.ended = this._ended;
    }
    return report;
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
   * After a bad length checksum: looks, byte by byte from `rs.scanFrom`, for the next
   * offset holding a whole record whose length and data checksums both match. Returns
   * true when one was found (the reader's offset moves there and normal reading
   * resumes), false when this call is over.
   */
  private async scanForRecord(win: Window, rs: Resync, final: boolean, report: ReadReport): Promise<boolean> {
    const max = this.maxRecordBytes;
    let firstIncomplete = -1;
    let scan = rs.scanFrom;
    for (;;) {
      const buf = win.buf;
      const base = win.base;
      const end = win.end;
      const limit = win.limit;
      let q = scan - base;
      let need = 0;
      let found = -1;
      for (;;) {
        const avail = end - q;
        if (avail < HEADER_BYTES) {
          need = HEADER_BYTES;
          break;
        }
        if (maskedCrc32c(buf, q, q + 8) === u32le(buf, q + 8)) {
          const length = u32le(buf, q + 4) * TWO_POW_32 + u32le(buf, q);
          if (length <= max) {
            const total = length + FRAME_BYTES;
            if (base + q + total > limit) {
              // Not all on disk: maybe the real next record, still being written.
              if (firstIncomplete < 0) firstIncomplete = base + q;
            } else if (avail < total) {
              need = total;
              break;
            } else if (maskedCrc32c(buf, q + HEADER_BYTES, q + HEADER_BYTES + length) === u32le(buf, q + HEADER_BYTES + length)) {
              found = base + q;
              break;
            }
          }
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

