/**
 * A HistogramProto read straight from the wire into columns: min, max, and the bucket
 * limits and counts as Float64Arrays, with no object per bucket and no per-double work.
 * The general decoder (protobufjs, then toObject) took 5.4 µs for a 560-bucket histogram
 * here, this 3.8 µs (a micro-benchmark: most of what is left is allocating the two columns); the histogram-heavy half of a 1 GB log
 * root, bench/ingest --shape issue19, is 50,000 of them). The per-record hot path for
 * legacy histograms. Fields (summary.proto): 1 min, 2 max,
 * 3 num, 4 sum, 5 sum_squares (doubles), 6 bucket_limit, 7 bucket (repeated doubles,
 * packed or not).
 */
import { WireFormatError, WireReader, WireType } from './wire.js';

export interface HistogramColumns {
  readonly min: number;
  readonly max: number;
  readonly limits: Float64Array;
  readonly counts: Float64Array;
}

const MIN = (1 << 3) | WireType.Fixed64;
const MAX = (2 << 3) | WireType.Fixed64;

export function readHistogram(bytes: Uint8Array): HistogramColumns {
  const r = new WireReader(bytes);
  let min = 0;
  let max = 0;
  const limits = new Doubles();
  const counts = new Doubles();
  while (r.more()) {
    const key = r.key();
    const field = key >>> 3;
    if (key === MIN) min = r.double();
    else if (key === MAX) max = r.double();
    else if (field === 6 || field === 7) {
      const into = field === 6 ? limits : counts;
      if ((key & 7) === WireType.LengthDelimited) {
        const [start, end] = r.bytesRange();
        if ((end - start) % 8 !== 0) throw new WireFormatError(`packed doubles of ${end - start} bytes`);
        into.append(packedDoubles(bytes, start, end));
      } else if ((key & 7) === WireType.Fixed64) {
        into.push(r.double());
      } else throw new WireFormatError(`HistogramProto field ${field} with wire type ${key & 7}`);
    } else if (field === 0) throw new WireFormatError('field number 0 in a HistogramProto');
    else r.skip(key & 7);
  }
  return { min, max, limits: limits.done(), counts: counts.done() };
}

/** Little-endian doubles at `bytes[start, end)`, copied whole (a DataView read per double cost as much as protobufjs). */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;
function packedDoubles(bytes: Uint8Array, start: number, end: number): Float64Array {
  if (LITTLE_ENDIAN) return new Float64Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end));
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return Float64Array.from({ length: (end - start) / 8 }, (_, i) => view.getFloat64(start + i * 8, true));
}

/** A growing column of doubles. */
class Doubles {
  private a: Float64Array = new Float64Array(0);
  private n = 0;

  /** Adds `more`; the first packed field of a histogram becomes the column as it is. */
  append(more: Float64Array): void {
    if (this.n === 0) {
      this.a = more;
      this.n = more.length;
      return;
    }
    this.reserve(more.length);
    this.a.set(more, this.n);
    this.n += more.length;
  }

  reserve(more: number): void {
    if (this.n + more <= this.a.length) return;
    const b = new Float64Array(Math.max(this.n + more, this.a.length * 2, 16));
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }

  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }

  done(): Float64Array {
    return this.n === this.a.length ? this.a : this.a.subarray(0, this.n);
  }
}
