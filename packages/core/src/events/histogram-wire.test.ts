import { describe, expect, it } from 'vitest';
import { readHistogram } from './histogram-wire.js';
import { decodeHistogramProto, encodeHistogramProto } from './proto.js';
import { WireFormatError } from './wire.js';

/** Writes a HistogramProto with its repeated doubles unpacked (as some old writers do). */
function unpacked(min: number, max: number, limits: number[], counts: number[]): Uint8Array {
  const parts: number[] = [];
  const double = (field: number, v: number) => {
    parts.push((field << 3) | 1);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    parts.push(...b);
  };
  double(1, min);
  double(2, max);
  for (const l of limits) double(6, l);
  for (const c of counts) double(7, c);
  return Uint8Array.from(parts);
}

describe('readHistogram', () => {
  const limits = Array.from({ length: 560 }, (_, i) => -1 + i * 0.004);
  const counts = limits.map((_, i) => (i % 7 === 0 ? 0 : (i * 13) % 17));

  it('reads what the general decoder reads, packed', () => {
    const bytes = encodeHistogramProto({ min: -1.5, max: 1.25, num: 1000, sum: 3, sumSquares: 9, bucketLimit: limits, bucket: counts });
    const general = decodeHistogramProto(bytes);
    const h = readHistogram(bytes);
    expect(h.min).toBe(general.min);
    expect(h.max).toBe(general.max);
    expect(Array.from(h.limits)).toEqual(general.bucketLimit);
    expect(Array.from(h.counts)).toEqual(general.bucket);
  });

  it('reads repeated doubles that are not packed', () => {
    const h = readHistogram(unpacked(-2, 2, [0, 1, 2], [4, 5, 6]));
    expect([h.min, h.max, Array.from(h.limits), Array.from(h.counts)]).toEqual([-2, 2, [0, 1, 2], [4, 5, 6]]);
  });

  it('reads an empty histogram as zeros and no buckets', () => {
    expect(readHistogram(new Uint8Array(0))).toEqual({ min: 0, max: 0, limits: new Float64Array(0), counts: new Float64Array(0) });
  });

  it('refuses a packed field whose length is not a whole number of doubles', () => {
    expect(() => readHistogram(Uint8Array.of((6 << 3) | 2, 3, 1, 2, 3))).toThrow(WireFormatError);
  });
});
