/**
 * Tensor and metadata files as TensorBoard reads them: a tensor TSV (one point per line,
 * tab-separated floats, blank lines skipped), a raw float32 file (when the bytes are not
 * UTF-8 text) shaped by the config's tensor_shape, and a metadata TSV cut to `num_rows`
 * points (a header line first when the first line has a tab, i.e. more than one column).
 * Big TSVs are parsed in slices that yield to the event loop.
 */
import { isUtf8 } from 'node:buffer';
import { InvalidArgumentError } from '@tb/core/plugin';

/** A 2-D float32 tensor, row-major. */
export interface Tensor2D {
  readonly data: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

/** Bytes of TSV parsed between yields to the event loop (a few ms of work). */
const SLICE_BYTES = 1 << 18;

/** Exact powers of ten as doubles (10^0..10^22), for the exact fast path of decimal parsing. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const SPECIAL: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, infinity: Infinity };

/** Python's float() of one field, via the text: the slow path for what the fast one declines. */
function slowField(buf: Buffer, start: number, end: number, line: number, file: string): number {
  const s = buf.toString('latin1', start, end);
  const t = s.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isNaN(v) || /^[+-]?nan$/i.test(t)) return v;
  const m = /^([+-]?)(nan|inf|infinity)$/i.exec(t);
  if (m) return (m[1] === '-' ? -1 : 1) * SPECIAL[m[2]!.toLowerCase()]!;
  throw new InvalidArgumentError(`${file}: line ${line}: expected a number, found ${JSON.stringify(s.slice(0, 40))}`);
}

/**
 * One decimal field, read from the bytes with no string made: at most 15 significant
 * digits and a power of ten within 10^+-22 give an exactly rounded double (one IEEE
 * multiplication or division of exact operands), as Python's float() does; anything
 * else takes the slow path.
 */
function parseField(buf: Buffer, start: number, end: number, line: number, file: string): number {
  let i = start;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  } else if (buf[i] === 43) i++;
  let mant = 0;
  let sig = 0;
  let exp = 0;
  let digits = 0;
  let c = buf[i];
  while (i < end && c! >= 48 && c! <= 57) {
    if (mant !== 0 || c !== 48) sig++;
    mant = mant * 10 + (c! - 48);
    digits++;
    c = buf[++i];
  }
  if (i < end && c === 46) {
    c = buf[++i];
    while (i < end && c! >= 48 && c! <= 57) {
      if (mant !== 0 || c !== 48) sig++;
      mant = mant * 10 + (c! - 48);
      exp--;
      digits++;
      c = buf[++i];
    }
  }
  if (i < end && (c === 101 || c === 69) && digits > 0) {
    c = buf[++i];
    let eneg = false;
    if (c === 45 || c === 43) {
      eneg = c === 45;
      c = buf[++i];
    }
    let e = 0;
    let edigits = 0;
    while (i < end && c! >= 48 && c! <= 57 && e < 10_000) {
      e = e * 10 + (c! - 48);
      edigits++;
      c = buf[++i];
    }
    if (edigits === 0) return slowField(buf, start, end, line, file);
    exp += eneg ? -e : e;
  }
  if (i !== end || digits === 0 || sig > 15 || exp > 22 || exp < -22) return slowField(buf, start, end, line, file);
  const v = exp === 0 ? mant : exp > 0 ? mant * POW10[exp]! : mant / POW10[-exp]!;
  return neg ? -v : v;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Parses a tensor TSV into float32, in slices of about 256 KB with a yield to the event
 * loop between them, reading numbers from the bytes (no strings for the common case).
 * @throws InvalidArgumentError for a value that is not a number or a row of another width.
 */
export async function parseTensorTsv(bytes: Uint8Array, file: string, signal?: AbortSignal): Promise<Tensor2D> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = new Float32Array(0);
  let n = 0;
  let cols = -1;
  let rows = 0;
  let lineNo = 0;
  let pos = 0;
  let sliceEnd = 0;
  while (pos < buf.length) {
    if (pos >= sliceEnd) {
      if (pos > 0) {
        await yieldToLoop();
        signal?.throwIfAborted();
      }
      sliceEnd = pos + SLICE_BYTES;
    }
    let eol = buf.indexOf(10, pos);
    if (eol < 0) eol = buf.length;
    let lineEnd = eol;
    if (lineEnd > pos && buf[lineEnd - 1] === 13) lineEnd--;
    lineNo++;
    if (lineEnd > pos) {
      if (cols < 0) {
        cols = 1;
        for (let k = pos; k < lineEnd; k++) if (buf[k] === 9) cols++;
        const estimate = Math.ceil((buf.length / Math.max(1, eol + 1 - pos)) * 1.05) + 1;
        out = new Float32Array(estimate * cols);
      }
      if (n + cols > out.length) {
        const grown = new Float32Array(Math.max(out.length * 2, n + cols));
        grown.set(out.subarray(0, n));
        out = grown;
      }
      let fieldStart = pos;
      let found = 0;
      for (let k = pos; k <= lineEnd; k++) {
        if (k === lineEnd || buf[k] === 9) {
          if (++found > cols) break;
          out[n + found - 1] = parseField(buf, fieldStart, k, lineNo, file);
          fieldStart = k + 1;
        }
      }
      if (found !== cols) {
        let count = 1;
        for (let k = pos; k < lineEnd; k++) if (buf[k] === 9) count++;
        throw new InvalidArgumentError(`${file}: line ${lineNo}: expected ${cols} tab-separated values (as line 1), found ${count}`);
      }
      n += cols;
      rows++;
    }
    pos = eol + 1;
  }
  if (rows === 0) throw new InvalidArgumentError(`${file}: expected at least one row of tab-separated numbers, found none`);
  const data = out.length - n > n / 4 ? out.slice(0, n) : out.subarray(0, n);
  return { data, rows, cols };
}

/**
 * A raw little-endian float32 file shaped [rows, cols] (TensorBoard's fallback for
 * tensor files that are not text).
 * @throws InvalidArgumentError unless `shape` is 2-D and matches the file's size.
 */
export function readRawTensor(bytes: Uint8Array, shape: readonly number[], file: string): Tensor2D {
  if (shape.length !== 2) throw new InvalidArgumentError(`${file}: a binary tensor file needs a 2-D tensor_shape in the config, found [${shape.join(', ')}]`);
  const [rows, cols] = shape as [number, number];
  if (bytes.length !== rows * cols * 4) throw new InvalidArgumentError(`${file}: expected ${rows} x ${cols} float32 values (${rows * cols * 4} bytes), found ${bytes.length} bytes`);
  const data = bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, rows * cols) : new Float32Array(bytes.slice().buffer);
  return { data, rows, cols };
}

/**
 * Whether `bytes` read as text, judged on their first megabyte (cut at an ASCII byte, so
 * no character is split): raw float32 fails UTF-8 long before that, and text that turns
 * bad later fails as a number that does not parse.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  let end = Math.min(bytes.length, SLICE_BYTES);
  if (end < bytes.length) while (end > 0 && bytes[end - 1]! >= 0x80) end--;
  return isUtf8(bytes.subarray(0, end));
}

/** Reads a tensor file: TSV when its bytes are UTF-8 text, else raw float32 of `shape` (TensorBoard's rule). */
export async function readTensorFile(bytes: Uint8Array, shape: readonly number[], file: string, signal?: AbortSignal): Promise<Tensor2D> {
  return looksLikeText(bytes) ? parseTensorTsv(bytes, file, signal) : readRawTensor(bytes, shape, file);
}

/**
 * The metadata file cut after `numRows` points (the header line not counted), as bytes:
 * the whole file when `numRows` is undefined.
 */
export function cutMetadata(bytes: Uint8Array, numRows: number | undefined): Uint8Array {
  if (numRows === undefined) return bytes;
  const firstEnd = bytes.indexOf(10);
  const firstLine = bytes.subarray(0, firstEnd < 0 ? bytes.length : firstEnd);
  const limit = numRows + (firstLine.includes(9) ? 1 : 0);
  let pos = 0;
  for (let line = 0; line < limit; line++) {
    const nl = bytes.indexOf(10, pos);
    if (nl < 0) return bytes;
    pos = nl + 1;
  }
  return bytes.subarray(0, pos);
}

/** The content type of a sprite from its first bytes (PNG, JPEG, GIF, BMP), as TensorBoard's imghdr. */
export function imageContentType(bytes: Uint8Array): string {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (b(0) === 0xff && b(1) === 0xd8) return 'image/jpeg';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'image/gif';
  if (b(0) === 0x42 && b(1) === 0x4d) return 'image/bmp';
  return 'application/octet-stream';
}
