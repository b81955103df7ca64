/**
 * CRC32C (Castagnoli), as used by TFRecord framing.
 *
 * Reflected polynomial 0x82F63B78, initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF.
 * The bulk of the input goes through a slicing-by-8 loop (eight 256-entry tables,
 * built once at module load); the few bytes that do not fill a group of 8 use the
 * classic byte-at-a-time table.
 */

const POLY = 0x82f63b78;

function buildTables(): Uint32Array[] {
  const tables: Uint32Array[] = [];
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    t0[n] = c >>> 0;
  }
  tables.push(t0);
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1]!;
    const cur = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      const c = prev[n]!;
      cur[n] = ((c >>> 8) ^ t0[c & 0xff]!) >>> 0;
    }
    tables.push(cur);
  }
  return tables;
}

const TABLES = buildTables();
const T0 = TABLES[0]!;
const T1 = TABLES[1]!;
const T2 = TABLES[2]!;
const T3 = TABLES[3]!;
const T4 = TABLES[4]!;
const T5 = TABLES[5]!;
const T6 = TABLES[6]!;
const T7 = TABLES[7]!;

/** CRC32C of `data[start, end)`, as an unsigned 32-bit number. */
export function crc32c(data: Uint8Array, start = 0, end: number = data.length): number {
  if (!(start >= 0 && end <= data.length && start <= end)) {
    throw new RangeError(`crc32c: range [${start}, ${end}) is outside the ${data.length}-byte input`);
  }
  let crc = -1; // 0xFFFFFFFF as int32
  let i = start;
  const stop8 = end - ((end - start) & 7);
  while (i < stop8) {
    const a = crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    crc =
      T7[a & 0xff]! ^
      T6[(a >>> 8) & 0xff]! ^
      T5[(a >>> 16) & 0xff]! ^
      T4[a >>> 24]! ^
      T3[b & 0xff]! ^
      T2[(b >>> 8) & 0xff]! ^
      T1[(b >>> 16) & 0xff]! ^
      T0[b >>> 24]!;
    i += 8;
  }
  while (i < end) {
    crc = T0[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
    i++;
  }
  return ~crc >>> 0;
}

const MASK_DELTA = 0xa282ead8;

/** TensorFlow's CRC mask: rotate right by 15 bits, then add 0xa282ead8 (mod 2^32). */
export function maskCrc(crc: number): number {
  const rotated = ((crc >>> 15) | (crc << 17)) >>> 0;
  return (rotated + MASK_DELTA) >>> 0;
}

/** `maskCrc(crc32c(data, start, end))`: the checksum TFRecord stores. */
export function maskedCrc32c(data: Uint8Array, start = 0, end: number = data.length): number {
  return maskCrc(crc32c(data, start, end));
}
