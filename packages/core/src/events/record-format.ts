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

import { open, type FileHandle } from 'node:fs/promises';
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

/**
 * Reads and checks the one record whose header starts at `offset` (for on-demand blob
 * reads). Throws an Error with a clear message on a short read or bad CRC.
 */
export async function readRecordAt(path: string, offset: number): Promise<Uint8Array> {
  if (!(Number.isSafeInteger(offset) && offset >= 0)) {
    throw new Error(`${path}: invalid record offset ${offset}`);
  }
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(HEADER_BYTES);
    const got = await readFully(fh, head, offset);
    if (got < HEADER_BYTES) {
      throw new Error(`${path}: short read at offset ${offset}: expected a ${HEADER_BYTES}-byte record header, found ${got} bytes`);
    }
    const storedLenCrc = u32le(head, 8);
    const lenCrc = maskedCrc32c(head, 0, 8);
    if (storedLenCrc !== lenCrc) {
      throw new Error(
        `${path}: record at offset ${offset} has a bad length checksum (stored ${hex32(storedLenCrc)}, computed ${hex32(lenCrc)})`,
      );
    }
    const length = u32le(head, 4) * TWO_POW_32 + u32le(head, 0);
    if (length > MAX_RECORD_BYTES) {
      throw new Error(`${path}: record at offset ${offset} has length ${length}, over the limit of ${MAX_RECORD_BYTES} bytes`);
    }
    const body = new Uint8Array(length + FOOTER_BYTES);
    const gotBody = await readFully(fh, body, offset + HEADER_BYTES);
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

async function readFully(fh: FileHandle, into: Uint8Array, position: number): Promise<number> {
  let got = 0;
  while (got < into.length) {
    const { bytesRead } = await fh.read(into, got, into.length - got, position + got);
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
