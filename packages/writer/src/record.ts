/**
 * TFRecord framing: each record is
 * `uint64 length | uint32 masked_crc32c(length) | data | uint32 masked_crc32c(data)`,
 * little-endian.
 */
import { crc32c, maskCrc } from './crc32c.js';

/**
 * Frames one record.
 * @example frameRecord(new Uint8Array([1, 2, 3])).length // 8 + 4 + 3 + 4
 */
export function frameRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 16);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length >>> 0, true);
  view.setUint32(4, Math.floor(data.length / 2 ** 32), true);
  view.setUint32(8, maskCrc(crc32c(out.subarray(0, 8))), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskCrc(crc32c(data)), true);
  return out;
}
