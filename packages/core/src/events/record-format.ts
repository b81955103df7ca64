/**
 * The TFRecord frame, TensorFlow event files' container format:
 *
 *   u64 LE  length L
 *   u32 LE  masked CRC32C of the 8 length bytes
 *   L bytes data
 *   u32 LE  masked CRC32C of the data
 *
 * Constants and helpers of the frame, writing one frame, and reading one frame at a
 * known offset (for on-demand blob reads). The streaming reader is in `tfrecord.ts`.
 */

import type { StoreFile } from '../storage/store.js';
import { toSource, type RecordSource } from './record-source.js';
import { maskedCrc32c } from './crc32c.js';

export const MAX_RECORD_BYTES = 256 * 1024 * 1024;
export const HEADER_BYTES = 12;
export const FOOTER_BYTES = 4;
export const FRAME_BYTES = HEADER_BYTES + FOOTER_BYTES;
export const TWO_POW_32 = 2 ** 32;

/** The little-endian u32 at `i`. */
export function u32le(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

/** `0x0000abcd`. */
export function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

/** The length checksum of a zero length: nonzero, so twelve zero bytes are never a header. */
const ZERO_LENGTH_CRC = maskedCrc32c(new Uint8Array(8));

/**
 * The first offset `q` in `[from, to)` where a record header plausibly starts: its length
 * is at most `maxLength` and its stored length checksum matches (the data checksum is
 * the caller's to check). Returns `to` when there is none. `buf[q, q + 12)` must exist
 * for every `q < to`.
 *
 * This is the hunt for the next record after damage, so it must run at memory speed
 * over zeros and random bytes alike. With `maxLength` under 4 GiB a header's four high
 * length bytes are zero, so one nonzero byte among them rules out up to four offsets at
 * once (random bytes go four at a time), and a run of zeros is skipped as a whole: twelve
 * zero bytes are never a header. Only the few offsets left get a checksum.
 */
export function findHeader(buf: Uint8Array, from: number, to: number, maxLength: number): number {
  if (!(from >= 0 && to <= buf.length - HEADER_BYTES + 1)) {
    throw new RangeError(`findHeader: offsets [${from}, ${to}) need 12 bytes each inside the ${buf.length}-byte buffer`);
  }
  if (maxLength >= TWO_POW_32) return findHeaderAnyLength(buf, from, to, maxLength);
  let q = from;
  for (;;) {
    q = nextZeroHighLength(buf, q, to);
    if (q >= to) return to;
    const low = u32le(buf, q);
    const stored = u32le(buf, q + 8);
    if (low === 0 && stored === 0 && ZERO_LENGTH_CRC !== 0) {
      // Inside a run of zeros: no offset whose twelve bytes are all zero can start a header.
      const nz = nextNonZero(buf, q + HEADER_BYTES, to + HEADER_BYTES - 1);
      q = Math.max(q + 1, nz - (HEADER_BYTES - 1));
      continue;
    }
    if (low <= maxLength && maskedCrc32c(buf, q, q + 8) === stored) return q;
    q++;
  }
}

/**
 * The first offset `q >= from` whose four high length bytes `q+4..q+7` are all zero, or
 * some offset `>= to` when none before `to` has. The hot loop of the hunt, kept apart
 * from the rarely taken paths so that the JIT compiles it once and keeps it.
 */
function nextZeroHighLength(buf: Uint8Array, from: number, to: number): number {
  let q = from;
  while (q < to) {
    // The highest nonzero byte among the four says how many offsets it rules out.
    if (buf[q + 7] !== 0) q += 4;
    else if (buf[q + 6] !== 0) q += 3;
    else if (buf[q + 5] !== 0) q += 2;
    else if (buf[q + 4] !== 0) q += 1;
    else return q;
  }
  return q;
}

/** {@link findHeader} for a length limit of 4 GiB or more: a plain check of every offset. */
function findHeaderAnyLength(buf: Uint8Array, from: number, to: number, maxLength: number): number {
  for (let q = from; q < to; q++) {
    const length = u32le(buf, q + 4) * TWO_POW_32 + u32le(buf, q);
    if (length <= maxLength && maskedCrc32c(buf, q, q + 8) === u32le(buf, q + 8)) return q;
  }
  return to;
}

/** The first index in `[from, to)` whose byte is not zero, or `to`. Reads whole words where aligned. */
function nextNonZero(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to && ((buf.byteOffset + i) & 3) !== 0) {
    if (buf[i] !== 0) return i;
    i++;
  }
  const words = (to - i) >>> 2;
  if (words > 0) {
    const w = new Uint32Array(buf.buffer, buf.byteOffset + i, words);
    let k = 0;
    while (k < words && w[k] === 0) k++;
    i += k << 2;
  }
  while (i < to) {
    if (buf[i] !== 0) return i;
    i++;
  }
  return to;
}

/** Bytes read at once for a record whose length is not yet known: most blobs fit in one request. */
const FIRST_READ_BYTES = 64 * 1024;

/**
 * Reads and checks the one record whose header starts at `offset` (for on-demand blob
 * reads), from a path on disk or a {@link RecordSource}. Throws an Error with a clear
 * message on a short read or bad CRC. Reads the header with the first bytes of the data
 * in one go, so a small record costs one request on object storage.
 */
export async function readRecordAt(from: string | RecordSource, offset: number): Promise<Uint8Array> {
  const source = toSource(from);
  const path = source.name;
  if (!(Number.isSafeInteger(offset) && offset >= 0)) {
    throw new Error(`${path}: invalid record offset ${offset}`);
  }
  const fh = await source.open();
  try {
    const first = new Uint8Array(Math.max(HEADER_BYTES, Math.min(FIRST_READ_BYTES, fh.size - offset)));
    const got = await readFully(fh, first, offset);
    if (got < HEADER_BYTES) {
      throw new Error(`${path}: short read at offset ${offset}: expected a ${HEADER_BYTES}-byte record header, found ${got} bytes`);
    }
    const storedLenCrc = u32le(first, 8);
    const lenCrc = maskedCrc32c(first, 0, 8);
    if (storedLenCrc !== lenCrc) {
      throw new Error(
        `${path}: record at offset ${offset} has a bad length checksum (stored ${hex32(storedLenCrc)}, computed ${hex32(lenCrc)})`,
      );
    }
    const length = u32le(first, 4) * TWO_POW_32 + u32le(first, 0);
    if (length > MAX_RECORD_BYTES) {
      throw new Error(`${path}: record at offset ${offset} has length ${length}, over the limit of ${MAX_RECORD_BYTES} bytes`);
    }
    const body = new Uint8Array(length + FOOTER_BYTES);
    const have = Math.min(got - HEADER_BYTES, body.length);
    body.set(first.subarray(HEADER_BYTES, HEADER_BYTES + have));
    const gotBody = have + (have < body.length ? await readFully(fh, body.subarray(have), offset + HEADER_BYTES + have) : 0);
    if (gotBody < body.length) {
      throw new Error(
        `${path}: short read: record at offset ${offset} needs ${length} data bytes and a ${FOOTER_BYTES}-byte checksum ` +
          `after its header, found ${gotBody} bytes`,
      );
    }
    const stored = u32le(body, length);
    const actual = maskedCrc32c(body, 0, length);
    if (stored !== actual) {
      throw new Error(
        `${path}: record at offset ${offset} has a bad data checksum (stored ${hex32(stored)}, computed ${hex32(actual)})`,
      );
    }
    return body.subarray(0, length);
  } finally {
    await fh.close();
  }
}

async function readFully(fh: StoreFile, into: Uint8Array, position: number): Promise<number> {
  let got = 0;
  while (got < into.length) {
    const bytesRead = await fh.read(into, got, into.length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got;
}

/** Frames `data` as one TFRecord (header, CRCs), for writers and tests. */
export function encodeRecord(data: Uint8Array): Uint8Array {
  const length = data.length;
  const out = new Uint8Array(length + FRAME_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, length >>> 0, true);
  view.setUint32(4, Math.floor(length / TWO_POW_32), true);
  view.setUint32(8, maskedCrc32c(out, 0, 8), true);
  out.set(data, HEADER_BYTES);
  view.setUint32(HEADER_BYTES + length, maskedCrc32c(data), true);
  return out;
}

/**
 * Runs the hunt once over a small buffer that takes every branch, so that the JIT has
 * type feedback for all of them before it compiles the hot loop: a branch first taken
 * in optimized code would throw that code away, and the hunt would crawl until
 * recompiled.
 */
function warmUpFindHeader(): void {
  const buf = new Uint8Array(512);
  let x = 0x2545f491;
  for (let i = 0; i < 256; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    buf[i] = (x >>> 16) & 1 ? 0 : 1 + ((x >>> 8) & 0xfe);
  }
  buf.fill(0x80, 320, 324); // a word read whole in a run of zeros, over 2^31
  buf.set(encodeRecord(Uint8Array.of(1, 2, 3)), 400);
  for (let q = 0; q < 500; q++) q = findHeader(buf, q, 500, MAX_RECORD_BYTES);
}
warmUpFindHeader();
