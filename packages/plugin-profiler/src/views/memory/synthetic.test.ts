import { describe, expect, it } from 'vitest';
import { buildModel } from '../../model/index.js';
import type { TraceEvent } from '../../trace/types.js';
import { buildMemoryProfile, lttb, memoryCurve, memoryEvents, memoryStats } from './index.js';

// One thread: conv [100, 200) calls aten::empty [110, 120); relu [300, 400).
const op = (name: string, ts: number, dur: number): TraceEvent => ({ ph: 'X', cat: 'cpu_op', name, pid: 1, tid: 1, ts, dur, args: { 'External id': ts } });
const mem = (ts: number, bytes: number, addr: number, allocated: number, deviceType = 1): TraceEvent => ({
  ph: 'i', s: 't', name: '[memory]', pid: 1, tid: 1, ts,
  args: { 'Device Type': deviceType, 'Device Id': deviceType === 1 ? 0 : -1, Bytes: bytes, Addr: addr, 'Total Allocated': allocated, 'Total Reserved': 4096 },
});

const events: TraceEvent[] = [
  op('aten::conv2d', 100, 100),
  op('aten::empty', 110, 10),
  op('aten::relu', 300, 100),
  mem(115, 1024, 1, 1024), // conv → empty allocates block 1
  mem(150, 2048, 2, 3072), // conv itself allocates block 2
  mem(310, -1024, 1, 2048), // relu frees block 1
  mem(320, 512, 3, 2560), // relu allocates block 3, never freed
  mem(330, -256, 9, 2304), // a free of a block allocated before the profile
  mem(340, 100, 4, 100, 0), // a CPU allocation by relu
];
const profile = buildMemoryProfile(buildModel({ format: 'kineto', traceEvents: events, meta: {} }))!;

describe('memory views on a small trace', () => {
  it('charges allocations to the innermost operator, and to its parents in total', () => {
    const stats = memoryStats(profile, { metric: 'B' })!;
    const rows = Object.fromEntries(stats.rows['GPU0']!.map((r) => [r[0], r.slice(1)]));
    // [calls, size increase, self increase, alloc count, self alloc count, alloc size, self alloc size]
    expect(rows['aten::empty']).toEqual([1, 1024, 1024, 1, 1, 1024, 1024]);
    expect(rows['aten::conv2d']).toEqual([1, 3072, 2048, 2, 1, 3072, 2048]);
    // relu frees 1024 and 256 bytes and allocates 512: its size increase is negative.
    expect(rows['aten::relu']).toEqual([1, -768, -768, 1, 1, 512, 512]);
    expect(stats.metadata.default_device).toBe('GPU0');
    expect(stats.rows['CPU']).toEqual([['aten::relu', 1, 100, 100, 1, 1, 100, 100]]);
  });

  it('restricts the statistics to a time range', () => {
    const stats = memoryStats(profile, { startTs: 250, metric: 'B' })!;
    expect(stats.rows['GPU0']!.map((r) => r[0])).toEqual(['aten::relu']);
  });

  it('pairs allocations with their releases', () => {
    const ev = memoryEvents(profile, { timeMetric: 'us', memoryMetric: 'B' })!;
    const start = 100; // the earliest event of the trace
    expect(ev.rows['GPU0']).toEqual([
      ['aten::conv2d (aten::empty)', 1024, 115 - start, 310 - start, 195],
      ['aten::conv2d', 2048, 150 - start, null, null],
      ['aten::relu', 512, 320 - start, null, null],
      ['<unknown>', 256, null, 330 - start, null],
    ]);
    expect(ev.rows['CPU']).toEqual([['aten::relu', 100, 240, null, null]]);
    const late = memoryEvents(profile, { startTs: 300, timeMetric: 'us', memoryMetric: 'B' })!;
    // Block 1's allocation lies before the range: its release stands alone.
    expect(late.rows['GPU0']![late.rows['GPU0']!.length - 2]).toEqual(['aten::conv2d (aten::empty)', 1024, null, 210, null]);
  });

  it('draws the curve as steps, with peaks and the GPU capacity', () => {
    const withGpu = { ...profile, gpuMemory: { 0: 8 * 1024 * 1024 } };
    const c = memoryCurve(withGpu, { timeMetric: 'us', memoryMetric: 'KB' })!;
    expect(c.metadata.devices).toEqual(['CPU', 'GPU0']);
    expect(c.metadata.default_device).toBe('GPU0');
    expect(c.metadata.peaks['GPU0']).toBe('Peak Memory Usage: 3.0KB');
    expect(c.metadata.totals).toEqual({ GPU0: 8192 });
    expect(c.rows['GPU0']!.slice(0, 3)).toEqual([[15, 1, 4], [50, 1, 4], [50, 3, 4]]);
    expect(c.rows['GPU0']!.length).toBe(5 * 2 - 1);
  });
});

describe('lttb', () => {
  it('keeps the ends and the extreme of each bin', () => {
    const points = Array.from({ length: 101 }, (_, i) => [i, i === 50 ? 1000 : 0, 0]);
    const out = lttb(points, 12);
    expect(out.length).toBe(12);
    expect(out[0]).toEqual([0, 0, 0]);
    expect(out[11]).toEqual([100, 0, 0]);
    expect(out.some((p) => p[1] === 1000)).toBe(true);
    expect(lttb(points, 200)).toEqual(points);
  });
});
