import { appendFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskedCrc32c } from './crc32c.js';
import { findHeader } from './record-format.js';
import { MAX_RECORD_BYTES, TfRecordReader, encodeRecord, readRecordAt, type ReadReport } from './tfrecord.js';
import { corpusPath } from '../testing/corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS_EDGE = corpusPath('edge');

let dir = '';
let seq = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tfrecord-test-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fresh file path in the temp dir, written with `bytes` when given. */
async function file(bytes?: Uint8Array): Promise<string> {
  const p = path.join(dir, `f${seq++}.tfevents`);
  if (bytes) await writeFile(p, bytes);
  return p;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** XORs `b[i]` with `mask` (to damage a byte on purpose). */
function flip(b: Uint8Array, i: number, mask: number): void {
  b[i] = b[i]! ^ mask;
}

function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** Payloads of assorted sizes, each distinguishable. */
function payload(i: number, size = 20 + ((i * 37) % 90)): Uint8Array {
  const b = new Uint8Array(size);
  for (let k = 0; k < size; k++) b[k] = (i * 131 + k * 7) & 0xff;
  return b;
}

interface Got {
  data: Uint8Array;
  offset: number;
  length: number;
}

async function readAll(reader: TfRecordReader, final = false): Promise<{ report: ReadReport; got: Got[] }> {
  const got: Got[] = [];
  const report = await reader.read(
    (data, offset, length) => {
      got.push({ data: data.slice(), offset, length });
    },
    { final },
  );
  return { report, got };
}

/** Record offsets when `records` are laid end to end from offset 0. */
function offsetsOf(records: Uint8Array[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const r of records) {
    out.push(at);
    at += r.length;
  }
  return out;
}

// The first record of a real event file written by TensorBoard's own writer (the
// `file_version: "brain.Event:2"` event), byte for byte, checksums included.
const LITERAL_RECORD = Uint8Array.of(
  // length 0x48 = 72, u64 LE
  0x48, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  // masked CRC32C of the length bytes
  0xfe, 0x92, 0x48, 0x9d,
  // 72 data bytes: Event { wall_time, file_version: "brain.Event:2", source_metadata { writer } }
  0x09, 0x45, 0x95, 0x74, 0x6e, 0x27, 0xc1, 0xda, 0x41, 0x1a, 0x0d, 0x62, 0x72, 0x61, 0x69, 0x6e,
  0x2e, 0x45, 0x76, 0x65, 0x6e, 0x74, 0x3a, 0x32, 0x52, 0x2e, 0x0a, 0x2c, 0x74, 0x65, 0x6e, 0x73,
  0x6f, 0x72, 0x62, 0x6f, 0x61, 0x72, 0x64, 0x2e, 0x73, 0x75, 0x6d, 0x6d, 0x61, 0x72, 0x79, 0x2e,
  0x77, 0x72, 0x69, 0x74, 0x65, 0x72, 0x2e, 0x65, 0x76, 0x65, 0x6e, 0x74, 0x5f, 0x66, 0x69, 0x6c,
  0x65, 0x5f, 0x77, 0x72, 0x69, 0x74, 0x65, 0x72,
  // masked CRC32C of the data
  0xb3, 0x6f, 0x1b, 0xa5,
);
const LITERAL_PAYLOAD = LITERAL_RECORD.subarray(12, 12 + 72);

describe('encodeRecord', () => {
  it('frames a payload exactly as TensorBoard does', () => {
    expect(LITERAL_RECORD.length).toBe(88);
    expect(encodeRecord(LITERAL_PAYLOAD)).toEqual(LITERAL_RECORD);
  });

  it('frames an empty payload', () => {
    const r = encodeRecord(new Uint8Array(0));
    expect(r.length).toBe(16);
    expect(Array.from(r.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const dv = new DataView(r.buffer, r.byteOffset);
    expect(dv.getUint32(8, true)).toBe(maskedCrc32c(new Uint8Array(8)));
    expect(dv.getUint32(12, true)).toBe(maskedCrc32c(new Uint8Array(0)));
  });
});

describe('TfRecordReader: good files', () => {
  it('reads the hand-written record', async () => {
    const p = await file(LITERAL_RECORD);
    const reader = new TfRecordReader(p);
    const { report, got } = await readAll(reader);
    expect(report).toEqual({ records: 1, bytesConsumed: 88, crcErrors: 0, problems: [], ended: false, pendingBytes: 0, replaced: false });
    expect(got).toEqual([{ data: LITERAL_PAYLOAD.slice(), offset: 0, length: 72 }]);
    expect(new TextDecoder().decode(got[0]!.data.subarray(11, 24))).toBe('brain.Event:2');
    expect(reader.offset).toBe(88);
    expect(reader.recordCount).toBe(1);
  });

  it('reads several records of assorted sizes, with offsets, at any chunk size', async () => {
    const payloads = [payload(0), new Uint8Array(0), payload(2, 1), payload(3, 300), payload(4), text('last one')];
    const records = payloads.map(encodeRecord);
    const bytes = concat(...records);
    const p = await file(bytes);
    const offsets = offsetsOf(records);
    for (const chunkBytes of [undefined, 1, 16, 17, 29, 64, 100, 333, 4096]) {
      const reader = new TfRecordReader(p, chunkBytes === undefined ? {} : { chunkBytes });
      const { report, got } = await readAll(reader);
      expect(report.records).toBe(payloads.length);
      expect(report.bytesConsumed).toBe(bytes.length);
      expect(report.problems).toEqual([]);
      expect(report.pendingBytes).toBe(0);
      expect(got.map((g) => g.data)).toEqual(payloads);
      expect(got.map((g) => g.offset)).toEqual(offsets);
      expect(got.map((g) => g.length)).toEqual(payloads.map((x) => x.length));
      expect(reader.offset).toBe(bytes.length);

      // Nothing new: a second read delivers nothing.
      const again = await readAll(reader);
      expect(again.report).toEqual({ records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: false, pendingBytes: 0, replaced: false });
    }
  });

  it('grows its buffer for a record larger than the chunk', async () => {
    const big = payload(9, 10_000);
    const bytes = concat(encodeRecord(payload(1)), encodeRecord(big), encodeRecord(payload(2)));
    const reader = new TfRecordReader(await file(bytes), { chunkBytes: 64 });
    const { report, got } = await readAll(reader, true);
    expect(report.records).toBe(3);
    expect(got[1]!.data).toEqual(big);
    expect(report.ended).toBe(false);
  });

  it('reads an empty file as no records and no problems', async () => {
    const p = await file(new Uint8Array(0));
    const reader = new TfRecordReader(p);
    for (const final of [false, true]) {
      const { report, got } = await readAll(reader, final);
      expect(report).toEqual({ records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: false, pendingBytes: 0, replaced: false });
      expect(got).toEqual([]);
    }
  });

  it('serializes overlapping read calls', async () => {
    const payloads = Array.from({ length: 50 }, (_, i) => payload(i));
    const reader = new TfRecordReader(await file(concat(...payloads.map(encodeRecord))), { chunkBytes: 100 });
    const offsets: number[] = [];
    const sink = (_d: Uint8Array, offset: number) => void offsets.push(offset);
    const [a, b] = await Promise.all([reader.read(sink), reader.read(sink)]);
    expect(a.records + b.records).toBe(50);
    expect(new Set(offsets).size).toBe(50);
  });
});

describe('TfRecordReader: truncated files', () => {
  const first = encodeRecord(payload(1));
  const second = encodeRecord(payload(2, 40)); // 56 bytes: header 0-11, data 12-51, footer 52-55
  const cuts = [
    { where: 'header', keep: 5 },
    { where: 'data', keep: 30 },
    { where: 'footer', keep: 54 },
  ];

  for (const { where, keep } of cuts) {
    it(`leaves a record cut in its ${where} pending when not final`, async () => {
      const p = await file(concat(first, second.subarray(0, keep)));
      const reader = new TfRecordReader(p, { chunkBytes: 32 });
      const { report, got } = await readAll(reader);
      expect(report).toEqual({ records: 1, bytesConsumed: first.length, crcErrors: 0, problems: [], ended: false, pendingBytes: keep, replaced: false });
      expect(got.length).toBe(1);
      expect(reader.offset).toBe(first.length);
      expect(reader.ended).toBe(false);
      // Asked again: still pending, still no problem.
      const again = await readAll(reader);
      expect(again.report).toEqual({ records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: false, pendingBytes: keep, replaced: false });
    });

    it(`ends with a problem for a record cut in its ${where} when final`, async () => {
      const p = await file(concat(first, second.subarray(0, keep)));
      const reader = new TfRecordReader(p);
      const { report } = await readAll(reader, true);
      expect(report.records).toBe(1);
      expect(report.ended).toBe(true);
      expect(report.problems).toHaveLength(1);
      const msg = report.problems[0]!;
      expect(msg).toContain(p);
      expect(msg).toContain(`offset ${first.length}`);
      expect(msg).toContain('cut off');
      expect(msg).toContain(`found only ${keep} bytes`);
      expect(msg).toContain(keep < 12 ? 'expected a 12-byte record header' : 'expected 56 bytes');
      expect(reader.ended).toBe(true);
      expect(reader.offset).toBe(first.length);
      // Further calls do nothing, even if the file is completed.
      await appendFile(p, second.subarray(keep));
      const after = await readAll(reader, true);
      expect(after.report).toEqual({ records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: true, pendingBytes: 0, replaced: false });
    });
  }
});

describe('TfRecordReader: a growing file', () => {
  for (const split of [3, 8, 11, 12, 20, 51, 52, 55]) {
    it(`continues a record appended in two halves split at byte ${split}`, async () => {
      const a = encodeRecord(payload(1));
      const b = encodeRecord(payload(2, 40));
      const c = encodeRecord(payload(3));
      const p = await file(a);
      const reader = new TfRecordReader(p, { chunkBytes: 24 });

      let r = await readAll(reader);
      expect(r.got.map((g) => g.data)).toEqual([payload(1)]);

      await appendFile(p, b.subarray(0, split));
      r = await readAll(reader);
      expect(r.report).toEqual({
        records: 0,
        bytesConsumed: 0,
        crcErrors: 0,
        problems: [],
        ended: false,
        pendingBytes: split,
        replaced: false,
      });
      expect(reader.offset).toBe(a.length);

      await appendFile(p, concat(b.subarray(split), c));
      r = await readAll(reader);
      expect(r.report.records).toBe(2);
      expect(r.report.problems).toEqual([]);
      expect(r.report.pendingBytes).toBe(0);
      expect(r.got).toEqual([
        { data: payload(2, 40), offset: a.length, length: 40 },
        { data: payload(3), offset: a.length + b.length, length: payload(3).length },
      ]);
      expect(reader.offset).toBe(a.length + b.length + c.length);
    });
  }

  it('delivers each record exactly once when the file grows one byte at a time', async () => {
    const payloads = [payload(1), new Uint8Array(0), payload(2, 5), payload(3)];
    const bytes = concat(...payloads.map(encodeRecord));
    const p = await file(new Uint8Array(0));
    const reader = new TfRecordReader(p, { chunkBytes: 16 });
    const got: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i++) {
      await appendFile(p, bytes.subarray(i, i + 1));
      const report = await reader.read((d) => void got.push(d.slice()));
      expect(report.problems).toEqual([]);
      expect(reader.offset + report.pendingBytes).toBe(i + 1);
    }
    expect(got).toEqual(payloads);
    expect(reader.recordCount).toBe(payloads.length);
  });
});

describe('TfRecordReader: bad data checksums', () => {
  it('skips bad records, counts them, and reports the first once', async () => {
    const records = [0, 1, 2, 3, 4].map((i) => encodeRecord(payload(i)));
    flip(records[1]!, 15, 0x01); // a data byte
    const last3 = records[3]!;
    flip(last3, last3.length - 1, 0x80); // the data checksum itself
    const offsets = offsetsOf(records);
    const p = await file(concat(...records));
    const reader = new TfRecordReader(p, { chunkBytes: 50 });
    const { report, got } = await readAll(reader);
    expect(got.map((g) => g.data)).toEqual([payload(0), payload(2), payload(4)]);
    expect(got.map((g) => g.offset)).toEqual([offsets[0], offsets[2], offsets[4]]);
    expect(report.records).toBe(3);
    expect(report.crcErrors).toBe(2);
    expect(report.ended).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain(p);
    expect(report.problems[0]).toContain(`record at offset ${offsets[1]} has a bad data checksum`);
    expect(report.problems[0]).toMatch(/stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}/);
    expect(report.problems[0]).toContain('skipped');
    expect(reader.crcErrorCount).toBe(2);
    expect(reader.offset).toBe(concat(...records).length);

    // A later bad record in the same file is counted but not reported again.
    const bad = encodeRecord(payload(5));
    flip(bad, 12, 0xff);
    await appendFile(p, concat(bad, encodeRecord(payload(6))));
    const later = await readAll(reader);
    expect(later.report.crcErrors).toBe(1);
    expect(later.report.records).toBe(1);
    expect(later.report.problems).toEqual([]);
    expect(reader.crcErrorCount).toBe(3);
  });
});

describe('TfRecordReader: bad length checksums', () => {
  it('resynchronizes at the next valid record', async () => {
    const records = [0, 1, 2, 3].map((i) => encodeRecord(payload(i)));
    flip(records[1]!, 9, 0x10); // the length checksum
    const offsets = offsetsOf(records);
    const bytes = concat(...records);
    for (const chunkBytes of [undefined, 16, 40]) {
      const reader = new TfRecordReader(await file(bytes), chunkBytes === undefined ? {} : { chunkBytes });
      const { report, got } = await readAll(reader);
      expect(got.map((g) => g.data)).toEqual([payload(0), payload(2), payload(3)]);
      expect(got.map((g) => g.offset)).toEqual([offsets[0], offsets[2], offsets[3]]);
      expect(report.crcErrors).toBe(0);
      expect(report.ended).toBe(false);
      expect(report.problems).toEqual([
        expect.stringContaining(
          `bad length checksum at offset ${offsets[1]}`,
        ),
      ]);
      expect(report.problems[0]).toContain(`skipped ${records[1]!.length} bytes to the next valid record at ${offsets[2]}`);
      expect(reader.offset).toBe(bytes.length);
    }
  });

  it('treats a corrupted length field (checksum no longer matching) the same way', async () => {
    const records = [0, 1, 2].map((i) => encodeRecord(payload(i)));
    records[1]![2] = 0x7f; // length now ~8 MB, its checksum does not match
    const offsets = offsetsOf(records);
    const reader = new TfRecordReader(await file(concat(...records)));
    const { report, got } = await readAll(reader, true);
    expect(got.map((g) => g.offset)).toEqual([offsets[0], offsets[2]]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain(`next valid record at ${offsets[2]}`);
    expect(report.ended).toBe(false);
  });

  it('waits for the next valid record when not final, reporting once, and ends when final', async () => {
    const a = encodeRecord(payload(0));
    const b = encodeRecord(payload(1));
    flip(b, 8, 0x01);
    const p = await file(concat(a, b));
    const reader = new TfRecordReader(p, { chunkBytes: 20 });

    let r = await readAll(reader);
    expect(r.report.records).toBe(1);
    expect(r.report.ended).toBe(false);
    expect(r.report.pendingBytes).toBe(b.length);
    expect(r.report.problems).toHaveLength(1);
    expect(r.report.problems[0]).toContain(`bad length checksum at offset ${a.length}`);
    expect(reader.offset).toBe(a.length);

    // Nothing new: no second report.
    r = await readAll(reader);
    expect(r.report.problems).toEqual([]);
    expect(r.report.records).toBe(0);
    expect(reader.offset).toBe(a.length);

    // Half of the next record arrives: still nothing valid, still quiet.
    const c = encodeRecord(payload(2));
    await appendFile(p, c.subarray(0, 20));
    r = await readAll(reader);
    expect(r.report.problems).toEqual([]);
    expect(r.report.records).toBe(0);
    expect(reader.offset).toBe(a.length);

    // The rest arrives: resynchronized, delivered, nothing reported again.
    await appendFile(p, concat(c.subarray(20), encodeRecord(payload(3))));
    r = await readAll(reader);
    expect(r.got.map((g) => g.data)).toEqual([payload(2), payload(3)]);
    expect(r.got[0]!.offset).toBe(a.length + b.length);
    expect(r.report.bytesConsumed).toBe(b.length + c.length + encodeRecord(payload(3)).length);
    expect(r.report.problems).toEqual([]);

    // A second file whose tail never recovers: final ends it with a warning.
    const q = await file(concat(a, b));
    const reader2 = new TfRecordReader(q);
    const first = await readAll(reader2);
    expect(first.report.problems).toHaveLength(1);
    const last = await readAll(reader2, true);
    expect(last.report.ended).toBe(true);
    expect(last.report.problems).toHaveLength(1);
    expect(last.report.problems[0]).toContain(`bad length checksum at offset ${a.length}`);
    expect(last.report.problems[0]).toContain('found none');
    expect(reader2.ended).toBe(true);
  });
});

/** `n` bytes from a seeded generator (xorshift32): random-looking, the same every run. */
function noise(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  const words = new Uint32Array(out.buffer, 0, n >>> 2);
  let x = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  for (let i = words.length * 4; i < n; i++) out[i] = (i * 151) & 0xff;
  return out;
}

describe('findHeader', () => {
  const fills = { zeros: (n: number) => new Uint8Array(n), random: (n: number) => noise(n) };

  for (const [name, fill] of Object.entries(fills)) {
    it(`finds nothing in ${name} alone`, () => {
      const buf = fill(4096);
      expect(findHeader(buf, 0, buf.length - 11, MAX_RECORD_BYTES)).toBe(buf.length - 11);
      expect(findHeader(buf, 100, 200, MAX_RECORD_BYTES)).toBe(200);
    });

    it(`finds a header at every alignment in ${name}, empty records included`, () => {
      for (const size of [0, 1, 20, 256, 300]) {
        const rec = encodeRecord(payload(size, size));
        for (let at = 0; at < 40; at++) {
          const buf = fill(200 + rec.length);
          buf.set(rec, at + 100);
          expect(findHeader(buf, 0, buf.length - 11, MAX_RECORD_BYTES), `length ${size} at ${at + 100}`).toBe(at + 100);
          expect(findHeader(buf, at + 100, buf.length - 11, MAX_RECORD_BYTES)).toBe(at + 100);
          expect(findHeader(buf, at + 101, buf.length - 11, MAX_RECORD_BYTES)).toBeGreaterThan(at + 100);
          expect(findHeader(buf, 0, at + 100, MAX_RECORD_BYTES)).toBe(at + 100);
        }
      }
    });
  }

  it('passes over a header longer than the limit, or with a wrong length checksum', () => {
    const rec = encodeRecord(payload(1, 50));
    const buf = new Uint8Array(300);
    buf.set(rec, 10);
    expect(findHeader(buf, 0, 289, 49)).toBe(289);
    expect(findHeader(buf, 0, 289, 50)).toBe(10);
    flip(buf, 18, 0x01);
    expect(findHeader(buf, 0, 289, 50)).toBe(289);
  });

  it('checks every offset when the limit is 4 GiB or more', () => {
    const head = new Uint8Array(12);
    const dv = new DataView(head.buffer);
    dv.setUint32(0, 7, true);
    dv.setUint32(4, 2, true); // 8 GiB + 7
    dv.setUint32(8, maskedCrc32c(head, 0, 8), true);
    const buf = noise(500);
    buf.set(head, 123);
    expect(findHeader(buf, 0, 489, 2 ** 34)).toBe(123);
    expect(findHeader(buf, 0, 489, 2 ** 33)).toBe(489);
    expect(findHeader(buf, 0, 489, MAX_RECORD_BYTES)).toBe(489);
  });

  it('refuses offsets without a whole header after them', () => {
    expect(() => findHeader(new Uint8Array(20), 0, 10, MAX_RECORD_BYTES)).toThrow(/need 12 bytes each inside the 20-byte buffer/);
  });
});

describe('TfRecordReader: a large damaged region', () => {
  const REGION = 64 * 1024 * 1024;
  const fills = { zeros: () => new Uint8Array(REGION), random: () => noise(REGION) };

  for (const [name, fill] of Object.entries(fills)) {
    for (const chunkBytes of [undefined, 32 * 1024 * 1024]) {
      const reads = chunkBytes === undefined ? 'default reads' : `${chunkBytes >>> 20} MiB reads`;
      it(`reads every valid record on both sides of 64 MiB of ${name} (${reads}), never holding the event loop 200 ms`, async () => {
        const before = Array.from({ length: 300 }, (_, i) => payload(i));
        const after = Array.from({ length: 300 }, (_, i) => payload(300 + i));
        const head = concat(...before.map(encodeRecord));
        const p = await file(concat(head, fill(), ...after.map(encodeRecord)));
        const reader = new TfRecordReader(p, chunkBytes === undefined ? {} : { chunkBytes });

        let longest = 0;
        let last = performance.now();
        const probe = setInterval(() => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
        }, 5);
        let result;
        try {
          result = await readAll(reader, true);
        } finally {
          clearInterval(probe);
        }
        longest = Math.max(longest, performance.now() - last);
        await rm(p);

        const { report, got } = result;
        expect(got.map((g) => g.data)).toEqual([...before, ...after]);
        expect(got[300]!.offset).toBe(head.length + REGION);
        expect(report.problems).toEqual([
          expect.stringContaining(`bad length checksum at offset ${head.length}`),
        ]);
        expect(report.problems[0]).toContain(`skipped ${REGION} bytes to the next valid record at ${head.length + REGION}`);
        expect(report.ended).toBe(false);
        expect(longest, 'longest time the event loop was held, ms').toBeLessThan(200);
      });
    }
  }
});

describe('TfRecordReader: a file rewritten under the same name', () => {
  const old = [0, 1, 2, 3, 4, 5].map((i) => payload(i, 40));
  const fresh = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((i) => payload(i, 40));

  it('starts over when the file shrank, then reads it from its start as it grows', async () => {
    const oldBytes = concat(...old.map(encodeRecord));
    const p = await file(oldBytes);
    const reader = new TfRecordReader(p);
    expect((await readAll(reader)).got).toHaveLength(6);

    await writeFile(p, concat(...fresh.slice(0, 2).map(encodeRecord)));
    let r = await readAll(reader);
    expect(r.got).toEqual([]);
    expect(r.report.replaced).toBe(true);
    expect(r.report.bytesConsumed).toBe(0);
    expect(r.report.problems).toEqual([
      expect.stringContaining(`it shrank from ${oldBytes.length} to ${2 * 56} bytes since it was last read (up to offset ${oldBytes.length})`),
    ]);
    expect(r.report.problems[0]).toContain('reading it again from the start');
    expect(reader.offset).toBe(0);
    expect(reader.recordCount).toBe(0);

    r = await readAll(reader);
    expect(r.report.replaced).toBe(false);
    expect(r.got.map((g) => g.data)).toEqual(fresh.slice(0, 2));
    expect(r.got[0]!.offset).toBe(0);

    // Growing past the old size is growth, not another rewrite: every new record is read.
    await appendFile(p, concat(...fresh.slice(2).map(encodeRecord)));
    r = await readAll(reader);
    expect(r.report.replaced).toBe(false);
    expect(r.report.problems).toEqual([]);
    expect(r.got.map((g) => g.data)).toEqual(fresh.slice(2));
    expect(reader.offset).toBe(fresh.length * 56);
  });

  it('starts over when the first bytes changed, even in a longer file', async () => {
    const p = await file(concat(...old.slice(0, 2).map(encodeRecord)));
    const reader = new TfRecordReader(p);
    expect((await readAll(reader)).got).toHaveLength(2);
    await writeFile(p, concat(...fresh.map(encodeRecord)));
    let r = await readAll(reader);
    expect(r.report.replaced).toBe(true);
    expect(r.report.problems).toEqual([expect.stringMatching(/its first 64 bytes changed \(byte \d+ was \d+, is \d+\)/)]);
    r = await readAll(reader);
    expect(r.got.map((g) => g.data)).toEqual(fresh);
  });

  it('notices a rewrite when only part of the first bytes had been seen', async () => {
    const first = encodeRecord(payload(1, 10));
    const p = await file(first.subarray(0, 5));
    const reader = new TfRecordReader(p);
    expect((await readAll(reader)).report.pendingBytes).toBe(5);
    await writeFile(p, concat(...fresh.map(encodeRecord)));
    expect((await readAll(reader)).report.replaced).toBe(true);
    expect((await readAll(reader)).got).toHaveLength(fresh.length);
  });

  it('brings a reader that had ended back to life', async () => {
    const cut = encodeRecord(payload(9, 40)).subarray(0, 30);
    const p = await file(concat(encodeRecord(old[0]!), cut));
    const reader = new TfRecordReader(p);
    expect((await readAll(reader, true)).report.ended).toBe(true);
    await writeFile(p, encodeRecord(fresh[0]!));
    const r = await readAll(reader, true);
    expect(r.report.replaced).toBe(true);
    expect(reader.ended).toBe(false);
    expect((await readAll(reader, true)).got.map((g) => g.data)).toEqual([fresh[0]]);
  });
});

describe('TfRecordReader: over-large records', () => {
  /** A header announcing `length` with a valid length checksum. */
  function header(length: number): Uint8Array {
    const h = new Uint8Array(12);
    const dv = new DataView(h.buffer);
    dv.setUint32(0, length % 2 ** 32, true);
    dv.setUint32(4, Math.floor(length / 2 ** 32), true);
    dv.setUint32(8, maskedCrc32c(h, 0, 8), true);
    return h;
  }

  it('ends reading at a length over 256 MiB with a good length checksum', async () => {
    expect(MAX_RECORD_BYTES).toBe(268435456);
    const a = encodeRecord(payload(0));
    const tooBig = 300 * 1024 * 1024;
    const p = await file(concat(a, header(tooBig), new Uint8Array(100)));
    const reader = new TfRecordReader(p);
    const { report } = await readAll(reader);
    expect(report.records).toBe(1);
    expect(report.ended).toBe(true);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain(`offset ${a.length}`);
    expect(report.problems[0]).toContain(`length ${tooBig}`);
    expect(report.problems[0]).toContain(`at most ${MAX_RECORD_BYTES} bytes`);
    expect(reader.offset).toBe(a.length);
    expect((await readAll(reader)).report.problems).toEqual([]);
  });

  it('ends at a length with high bits set, and honours maxRecordBytes', async () => {
    const r1 = new TfRecordReader(await file(header(2 ** 40)));
    expect((await readAll(r1)).report.ended).toBe(true);

    const r2 = new TfRecordReader(await file(concat(encodeRecord(payload(0, 10)), encodeRecord(payload(1, 11)))), { maxRecordBytes: 10 });
    const { report } = await readAll(r2);
    expect(report.records).toBe(1);
    expect(report.ended).toBe(true);
    expect(report.problems[0]).toContain('length 11');
  });
});

describe('TfRecordReader: missing files', () => {
  it('ends with "file disappeared" when the file is gone', async () => {
    const p = await file(encodeRecord(payload(0)));
    const reader = new TfRecordReader(p);
    expect((await readAll(reader)).report.records).toBe(1);
    await rm(p);
    const { report } = await readAll(reader);
    expect(report.ended).toBe(true);
    expect(report.problems).toEqual([expect.stringContaining('file disappeared')]);
    expect((await readAll(reader)).report.problems).toEqual([]);
  });
});

describe('readRecordAt', () => {
  it('reads the record at an offset', async () => {
    const payloads = [payload(0), new Uint8Array(0), payload(2, 500)];
    const records = payloads.map(encodeRecord);
    const p = await file(concat(LITERAL_RECORD, ...records));
    expect(await readRecordAt(p, 0)).toEqual(LITERAL_PAYLOAD.slice());
    const offsets = offsetsOf(records).map((o) => o + LITERAL_RECORD.length);
    for (let i = 0; i < payloads.length; i++) {
      expect(await readRecordAt(p, offsets[i]!)).toEqual(payloads[i]);
    }
  });

  it('throws clear errors on bad checksums and short reads', async () => {
    const good = encodeRecord(payload(0));
    const badData = encodeRecord(payload(1));
    flip(badData, 20, 1);
    const badLen = encodeRecord(payload(2));
    flip(badLen, 10, 1);
    const cut = encodeRecord(payload(3));
    const p = await file(concat(good, badData, badLen, cut.subarray(0, 30)));
    const o1 = good.length;
    const o2 = o1 + badData.length;
    const o3 = o2 + badLen.length;
    await expect(readRecordAt(p, o1)).rejects.toThrow(`record at offset ${o1} has a bad data checksum`);
    await expect(readRecordAt(p, o2)).rejects.toThrow(`record at offset ${o2} has a bad length checksum`);
    await expect(readRecordAt(p, o3)).rejects.toThrow(/short read/);
    await expect(readRecordAt(p, o3 + 25)).rejects.toThrow(/short read.*12-byte record header, found 5 bytes/);
    await expect(readRecordAt(p, 1)).rejects.toThrow(/bad length checksum/);
    await expect(readRecordAt(p, 1e6)).rejects.toThrow(/short read/);
    await expect(readRecordAt(path.join(dir, 'nope'), 0)).rejects.toThrow(/ENOENT/);
  });
});

describe('TfRecordReader on the real edge corpus', () => {
  async function only(sub: string): Promise<string> {
    const names = (await readdir(path.join(CORPUS_EDGE, sub))).filter((n) => n.includes('tfevents'));
    expect(names).toHaveLength(1);
    return path.join(CORPUS_EDGE, sub, names[0]!);
  }

  it('skips exactly one record with a bad data checksum', async () => {
    const p = path.join(CORPUS_EDGE, 'bad_data_crc/events.out.tfevents.1795464633.vm.26016.3');
    const size = (await stat(p)).size;
    const reader = new TfRecordReader(p);
    const { report } = await readAll(reader, true);
    expect(report.crcErrors).toBe(1);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('bad data checksum');
    expect(report.ended).toBe(false);
    expect(report.bytesConsumed).toBe(size);
    expect(report.records).toBe(200); // all 201 records but the bad one
  });

  it('resynchronizes past a bad length checksum', async () => {
    const p = await only('bad_length_crc');
    const { report } = await readAll(new TfRecordReader(p), true);
    expect(report.problems).toEqual([expect.stringContaining('bad length checksum')]);
    expect(report.ended).toBe(false);
    expect(report.records).toBe(200);
  });

  for (const sub of ['truncated', 'truncated_header']) {
    it(`${sub}: leaves the cut-off record pending when not final, ends when final`, async () => {
      const p = await only(sub);
      const size = (await stat(p)).size;
      const reader = new TfRecordReader(p);
      const { report } = await readAll(reader);
      expect(report.problems).toEqual([]);
      expect(report.ended).toBe(false);
      expect(report.pendingBytes).toBeGreaterThan(0);
      expect(report.records).toBeGreaterThan(0);
      expect(reader.offset + report.pendingBytes).toBe(size);

      const last = await readAll(reader, true);
      expect(last.report.ended).toBe(true);
      expect(last.report.problems).toEqual([expect.stringContaining('cut off')]);
    });
  }

  it('reads the empty file and a killed writer cleanly', async () => {
    const empty = await readAll(new TfRecordReader(await only('empty_file')), true);
    expect(empty.report).toEqual({ records: 0, bytesConsumed: 0, crcErrors: 0, problems: [], ended: false, pendingBytes: 0, replaced: false });
    const killed = await readAll(new TfRecordReader(await only('killed_writer')));
    expect(killed.report.problems).toEqual([]);
    expect(killed.report.records).toBeGreaterThan(1000);
  });
});
