import { detailCount, NO_DETAILS } from './details.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { readTraceFileSync } from '../trace/read-sync.js';
import { decodeTimeline, encodeTimeline, sliceDetail, TimelineCodecError } from './codec.js';
import { traceTimeline } from './from-trace.js';
import type { Timeline } from './types.js';

const dir = corpusPath('profile-kineto', 'resnet50_num_workers_0');
const timeline = traceTimeline(readTraceFileSync(join(dir, readdirSync(dir)[0]!)));

/** A fresh ArrayBuffer holding exactly `bytes` (as fetch's arrayBuffer() gives). */
const bufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/** Same type, length and bytes (toEqual on 45k-element typed arrays is slow). */
function expectSameColumn(a: Float64Array | Uint32Array | Uint16Array, b: Float64Array | Uint32Array | Uint16Array): void {
  expect(a.constructor).toBe(b.constructor);
  expect(a.length).toBe(b.length);
  expect(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))).toBe(true);
}

const withCounters: Timeline = {
  ...timeline,
  counters: [{ name: 'GPU utilization', process: 1, ts: Float64Array.of(0, 10.5, 20), values: Float64Array.of(0.25, 1, 0) }],
};

describe('timeline codec', () => {
  it('round-trips a corpus timeline byte for byte', () => {
    const bytes = encodeTimeline(withCounters);
    const back = decodeTimeline(bufferOf(bytes));
    expectSameColumn(back.slices.start, timeline.slices.start);
    expectSameColumn(back.slices.dur, timeline.slices.dur);
    expectSameColumn(back.slices.track, timeline.slices.track);
    expectSameColumn(back.slices.depth, timeline.slices.depth);
    expectSameColumn(back.slices.name, timeline.slices.name);
    expectSameColumn(back.slices.cat, timeline.slices.cat);
    expectSameColumn(back.flows.from, timeline.flows.from);
    expectSameColumn(back.flows.to, timeline.flows.to);
    expect(back.names).toEqual(timeline.names);
    expect(back.categories).toEqual(timeline.categories);
    expect(back.processes).toEqual(timeline.processes);
    expect(back.tracks).toEqual(timeline.tracks);
    expect(back.origin).toBe(timeline.origin);
    expect(back.duration).toBe(timeline.duration);
    expect(back.counters).toEqual(withCounters.counters);
    expect(detailCount(back.details)).toBe(0);
    // Re-encoding the decoded timeline gives the same bytes.
    expect(Buffer.from(encodeTimeline(back)).equals(Buffer.from(bytes))).toBe(true);
    const n = timeline.slices.start.length;
    console.log(`encoded ${n} slices, ${timeline.flows.from.length} flows in ${bytes.length} bytes (${(bytes.length / n).toFixed(1)} bytes/slice)`);
  });

  it('rejects bad input with a clear error', () => {
    const good = encodeTimeline(timeline);
    const bad = (mutate: (b: Uint8Array) => Uint8Array, message: RegExp): void => {
      const b = mutate(good.slice());
      expect(() => decodeTimeline(bufferOf(b))).toThrow(TimelineCodecError);
      expect(() => decodeTimeline(bufferOf(b))).toThrow(message);
    };
    bad(() => new Uint8Array(0), /bad magic/);
    bad((b) => (b.set([0x7b, 0x22], 0), b), /bad magic/); // a JSON error body
    bad((b) => (new DataView(b.buffer).setUint32(4, 9, true), b), /version 9/);
    bad((b) => b.subarray(0, 40), /truncated|corrupt/);
    bad((b) => b.subarray(0, b.length - 2), /size mismatch/);
    bad((b) => (b[12] = 0x5d, b), /corrupt timeline header/);
    // A track index beyond the tracks: find the track column and break its first entry.
    const view = new DataView(good.buffer);
    const headerEnd = Math.ceil((12 + view.getUint32(8, true)) / 8) * 8;
    const n = timeline.slices.start.length;
    bad((b) => (new DataView(b.buffer).setUint32(headerEnd + n * 16, 9999, true), b), /track index 9999/);
  });

  it('answers one slice\'s details', () => {
    const kernel = timeline.slices.cat.findIndex((c) => timeline.categories[c] === 'Kernel');
    const d = sliceDetail(timeline, kernel);
    expect(d.category).toBe('Kernel');
    expect(d.process).toBe('GPU 0');
    expect(d.track).toMatch(/^stream \d+$/);
    expect(d.start).toBe(timeline.slices.start[kernel]);
    expect(d.dur).toBe(timeline.slices.dur[kernel]);
    expect(d.name).toBe(timeline.names[timeline.slices.name[kernel]!]);
    expect(d.args).toMatchObject({ grid: expect.any(Array), block: expect.any(Array), correlation: expect.any(Number) });
    expect(() => sliceDetail(timeline, timeline.slices.start.length)).toThrow(RangeError);
    expect(() => sliceDetail(timeline, -1)).toThrow(RangeError);
    expect(sliceDetail({ ...timeline, details: NO_DETAILS }, 0).args).toBeNull();
  });
});
