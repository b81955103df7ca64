import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceRecorder, type TraceEventJson } from './profile-trace.js';

/** A clock that moves only when told: `advance(ms)`. */
function fakeClock(startMs = 1000) {
  let t = startMs;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const EPOCH_MS = 1_764_460_000_123;

function ops(events: readonly TraceEventJson[]): TraceEventJson[] {
  return events.filter((e) => e.ph === 'X' && e.cat === 'Operator');
}

function contains(outer: TraceEventJson, inner: TraceEventJson): boolean {
  return outer.ts <= inner.ts && inner.ts + inner.dur! <= outer.ts + outer.dur!;
}

describe('TraceRecorder', () => {
  it('records nested spans as nested Operator events on one thread, in epoch microseconds', async () => {
    const clock = fakeClock();
    const rec = new TraceRecorder({ now: clock.now, epochMs: () => EPOCH_MS, pid: 42 });
    clock.advance(1);
    const value = rec.span('ProfilerStep#1', () => {
      rec.span('enumerate(DataLoader)#_SingleProcessDataLoaderIter.__next__', () => clock.advance(2.5));
      clock.advance(0.25);
      return rec.span('tfjs::MatMul', () => (clock.advance(4.00025), 'done'), { inputDims: [[32, 784], [784, 100]] });
    });
    await rec.spanAsync('Optimizer.step#Adam.step', async () => {
      await Promise.resolve();
      clock.advance(3);
    });
    clock.advance(1);
    expect(value).toBe('done');

    const json = rec.toJson();
    expect(json.schemaVersion).toBe(1);
    expect(json.deviceProperties).toEqual([]);
    const [step, loader, matmul, optimizer] = ops(json.traceEvents);
    expect([step, loader, matmul, optimizer].map((e) => e!.name)).toEqual([
      'ProfilerStep#1',
      'enumerate(DataLoader)#_SingleProcessDataLoaderIter.__next__',
      'tfjs::MatMul',
      'Optimizer.step#Adam.step',
    ]);
    const origin = EPOCH_MS * 1000;
    expect(step).toMatchObject({ ts: origin + 1000, dur: 6750.25, pid: 42, tid: '42' });
    expect(loader).toMatchObject({ ts: origin + 1000, dur: 2500 });
    expect(matmul).toMatchObject({ ts: origin + 3750, dur: 4000.25, args: { 'Input Dims': [[32, 784], [784, 100]] } });
    expect(optimizer).toMatchObject({ ts: origin + 7750.25, dur: 3000 });
    expect(contains(step!, loader!) && contains(step!, matmul!) && !contains(step!, optimizer!)).toBe(true);
    // External ids in the order the spans were opened, as Kineto numbers ops.
    expect([step, loader, matmul, optimizer].map((e) => e!.args!['External id'])).toEqual([1, 2, 3, 4]);

    const capture = json.traceEvents.filter((e) => e.cat === 'Trace');
    expect(capture).toEqual([expect.objectContaining({ ph: 'X', ts: origin, dur: 11750.25, args: { 'Op count': 4 } })]);
    const meta = json.traceEvents.filter((e) => e.ph === 'M');
    expect(meta.map((e) => [e.name, e.args])).toEqual([
      ['process_name', { name: 'node' }],
      ['process_labels', { labels: 'CPU' }],
      ['thread_name', { name: 'thread 42 (node)' }],
    ]);
  });

  it('keeps an exception from a span and still records the span', () => {
    const clock = fakeClock();
    const rec = new TraceRecorder({ now: clock.now });
    expect(() => rec.span('boom', () => {
      clock.advance(2);
      throw new Error('x');
    })).toThrow('x');
    expect(ops(rec.toJson().traceEvents)).toEqual([expect.objectContaining({ name: 'boom', dur: 2000 })]);
  });

  it('writes memory instant events with the CPU device and the totals given', () => {
    const clock = fakeClock();
    const rec = new TraceRecorder({ now: clock.now, epochMs: () => EPOCH_MS });
    rec.memory(4096, 4096);
    clock.advance(1);
    rec.memory(-1024, 3072, { addr: 7, totalReserved: 8192 });
    rec.memory(512, 3584, { atMs: 1000.5 });
    const memory = rec.toJson().traceEvents.filter((e) => e.name === '[memory]');
    expect(memory.map((e) => [e.ph, e.s, e.ts - EPOCH_MS * 1000])).toEqual([
      ['i', 't', 0],
      ['i', 't', 500],
      ['i', 't', 1000],
    ]);
    expect(memory.map((e) => e.args)).toEqual([
      { 'Device Type': 0, 'Device Id': -1, Bytes: 4096, 'Total Allocated': 4096, 'Total Reserved': 4096 },
      { 'Device Type': 0, 'Device Id': -1, Bytes: 512, 'Total Allocated': 3584, 'Total Reserved': 3584 },
      { 'Device Type': 0, 'Device Id': -1, Addr: 7, Bytes: -1024, 'Total Allocated': 3072, 'Total Reserved': 8192 },
    ]);
  });

  it('ends the capture once, at stop or at the first toJson', () => {
    const clock = fakeClock();
    const rec = new TraceRecorder({ now: clock.now });
    clock.advance(5);
    rec.stop();
    clock.advance(5);
    rec.stop();
    const capture = () => rec.toJson().traceEvents.find((e) => e.cat === 'Trace')!.dur;
    expect(capture()).toBe(5000);
    clock.advance(5);
    expect(capture()).toBe(5000);
  });

  it('writes <worker>.<unix-ms>.pt.trace.json, creating the directory', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tb-trace-')), 'profile', 'batch_32');
    const rec = new TraceRecorder({ epochMs: () => EPOCH_MS });
    rec.span('ProfilerStep#1', () => undefined);
    const file = await rec.writeTo(dir, 'demo');
    expect(path.dirname(file)).toBe(dir);
    expect(path.basename(file)).toMatch(/^demo\.\d+\.pt\.trace\.json$/);
    expect(path.basename(file)).toBe(`demo.${EPOCH_MS}.pt.trace.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(rec.toJson())));
    await expect(rec.writeTo(dir, 'a/b')).rejects.toThrow(RangeError);
  });

  it('uses the real clocks by default: now, in whole epoch milliseconds at the origin', () => {
    const before = Date.now();
    const rec = new TraceRecorder();
    rec.span('x', () => undefined);
    const capture = rec.toJson().traceEvents.find((e) => e.cat === 'Trace')!;
    expect(capture.ts % 1000).toBe(0);
    expect(capture.ts / 1000).toBeGreaterThanOrEqual(before);
    expect(capture.ts / 1000).toBeLessThanOrEqual(Date.now());
    expect(rec.toJson().traceEvents.find((e) => e.name === 'process_name')!.pid).toBe(process.pid);
  });
});
