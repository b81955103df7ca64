/**
 * Writes small event files for tests: a hand-made protobuf encoder for the Event
 * fields tests need, independent of the decoders under test. Not for production
 * writing (that is the writer package, packages/writer).
 */
import { appendFile, writeFile } from 'node:fs/promises';
import { encodeRecord } from '../events/tfrecord.js';

class Bytes {
  readonly out: number[] = [];
  varint(v: number | bigint): this {
    let u = BigInt(v);
    if (u < 0n) u += 1n << 64n;
    do {
      let b = Number(u & 0x7fn);
      u >>= 7n;
      if (u > 0n) b |= 0x80;
      this.out.push(b);
    } while (u > 0n);
    return this;
  }
  key(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  double(field: number, v: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    this.key(field, 1).out.push(...b);
    return this;
  }
  float(field: number, v: number): this {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.key(field, 5).out.push(...b);
    return this;
  }
  bytes(field: number, v: Uint8Array | number[]): this {
    this.key(field, 2).varint(v.length).out.push(...v);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, Buffer.from(s, 'utf8'));
  }
  done(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/** What one test event holds. */
export interface TestEvent {
  wallTime: number;
  step?: number;
  fileVersion?: string;
  /** Scalars as old-style simple_value, tag -> value. */
  scalars?: Record<string, number>;
  /** Old-style histograms: tag -> {min, max, limits, counts}. */
  histograms?: Record<string, { min: number; max: number; limits: number[]; counts: number[] }>;
  /** Old-style images: tag -> {width, height, png bytes}. */
  images?: Record<string, { width: number; height: number; encoded: Uint8Array }>;
  sessionLogStatus?: number;
  graphDef?: Uint8Array;
}

/** Serializes one Event. */
export function encodeTestEvent(e: TestEvent): Uint8Array {
  const ev = new Bytes().double(1, e.wallTime);
  if (e.step !== undefined) ev.key(2, 0).varint(e.step);
  if (e.fileVersion !== undefined) ev.string(3, e.fileVersion);
  if (e.graphDef) ev.bytes(4, e.graphDef);
  const values: Uint8Array[] = [];
  for (const [tag, v] of Object.entries(e.scalars ?? {})) values.push(new Bytes().string(1, tag).float(2, v).done());
  for (const [tag, h] of Object.entries(e.histograms ?? {})) {
    const limits = new Bytes();
    const counts = new Bytes();
    for (const l of h.limits) limits.out.push(...doubleBytes(l));
    for (const c of h.counts) counts.out.push(...doubleBytes(c));
    const histo = new Bytes()
      .double(1, h.min)
      .double(2, h.max)
      .double(3, h.counts.reduce((a, b) => a + b, 0))
      .bytes(6, limits.out)
      .bytes(7, counts.out)
      .done();
    values.push(new Bytes().string(1, tag).bytes(5, histo).done());
  }
  for (const [tag, img] of Object.entries(e.images ?? {})) {
    const image = new Bytes().key(1, 0).varint(img.height).key(2, 0).varint(img.width).bytes(4, img.encoded).done();
    values.push(new Bytes().string(1, tag).bytes(4, image).done());
  }
  if (values.length > 0) {
    const summary = new Bytes();
    for (const v of values) summary.bytes(1, v);
    ev.bytes(5, summary.done());
  }
  if (e.sessionLogStatus !== undefined) ev.bytes(7, new Bytes().key(1, 0).varint(e.sessionLogStatus).done());
  return ev.done();
}

function doubleBytes(v: number): number[] {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return [...b];
}

/** The framed records of `events`, concatenated. */
export function encodeTestRecords(events: TestEvent[]): Buffer {
  return Buffer.concat(events.map((e) => encodeRecord(encodeTestEvent(e))));
}

/** Writes (or with `append`, appends) events to an event file. */
export async function writeTestEvents(file: string, events: TestEvent[], append = false): Promise<void> {
  const data = encodeTestRecords(events);
  await (append ? appendFile(file, data) : writeFile(file, data));
}
