import { detailAt } from './details.js';
import { describe, expect, it } from 'vitest';
import type { ProfileTrace, TraceEvent } from '../trace/types.js';
import { traceTimeline } from './from-trace.js';

describe('traceTimeline on synthetic events', () => {
  const ev = (e: Partial<TraceEvent> & { ph: string }): TraceEvent => ({ name: 'n', pid: 1, tid: 1, ts: 0, ...e });

  it('pairs B/E, reads counters and skips corrupt events', () => {
    const trace: ProfileTrace = {
      format: 'kineto',
      meta: {},
      traceEvents: [
        ev({ ph: 'M', name: 'process_name', args: { name: 'trainer' } }),
        ev({ ph: 'M', name: 'thread_name', tid: 2, args: { name: 'loader' } }),
        ev({ ph: 'B', name: 'outer', ts: 100, args: { a: 1 } }),
        ev({ ph: 'X', name: 'inner', ts: 110, dur: 5 }),
        ev({ ph: 'E', ts: 150, args: { b: 2 } }),
        ev({ ph: 'E', ts: 160 }), // no open B: skipped
        ev({ ph: 'X', name: 'bad', ts: Number.NaN, dur: 3 }),
        ev({ ph: 'X', name: 'nodur', tid: 2, ts: 120 }),
        ev({ ph: 'X', name: 'negative', tid: 2, ts: 130, dur: -4 }),
        ev({ ph: 'C', name: 'mem', ts: 105, args: { used: 10 } }),
        ev({ ph: 'C', name: 'mem', ts: 101, args: { used: 5, bad: 'x' } }),
        ev({ ph: 'C', name: 'util', ts: 102, args: { sm: 1, dram: 2 } }),
      ],
    };
    const t = traceTimeline(trace);
    expect(t.origin).toBe(100);
    expect(t.processes.map((p) => p.name)).toEqual(['trainer (pid 1)']);
    expect(t.tracks.map((k) => k.name)).toEqual(['thread 1', 'loader']);
    const names = [...t.slices.name].map((i) => t.names[i]);
    expect(names).toEqual(['outer', 'inner', 'nodur', 'negative']);
    expect([...t.slices.depth]).toEqual([0, 1, 0, 0]);
    expect([...t.slices.dur]).toEqual([50, 5, 0, 0]);
    expect(JSON.parse(detailAt(t.details, 0)!)).toEqual({ a: 1, b: 2 });
    const counters = Object.fromEntries(t.counters.map((c) => [c.name, [...c.ts].map((x, i) => [x, c.values[i]])]));
    expect(counters).toEqual({ mem: [[1, 5], [5, 10]], 'util sm': [[2, 1]], 'util dram': [[2, 2]] });
  });

  it('pushes overlapping slices that do not nest to a free level', () => {
    const trace: ProfileTrace = {
      format: 'autograd',
      meta: {},
      traceEvents: [
        ev({ ph: 'X', name: 'a', ts: 0, dur: 10 }),
        ev({ ph: 'X', name: 'b', ts: 5, dur: 10 }),
        ev({ ph: 'X', name: 'c', ts: 12, dur: 1 }),
        ev({ ph: 'X', name: 'd', ts: 20, dur: 1 }),
        ev({ ph: 'X', name: 'e', ts: 20, dur: 1 }),
      ],
    };
    const t = traceTimeline(trace);
    // b overlaps a without fitting in it: one level down; c lies inside b: below b.
    expect([...t.slices.depth]).toEqual([0, 1, 2, 0, 1]);
    expect(t.tracks[0]!.depthCount).toBe(3);
  });
});

describe('traceTimeline naming', () => {
  it('recognises GPUs and streams named by metadata (newer Kineto)', () => {
    const e = (x: Partial<TraceEvent> & { ph: string }): TraceEvent => ({ name: 'k', pid: 0, tid: 7, ts: 0, ...x });
    const t = traceTimeline({
      format: 'kineto',
      meta: {},
      traceEvents: [
        e({ ph: 'M', name: 'process_name', args: { name: 'GPU 0' } }),
        e({ ph: 'M', name: 'thread_name', args: { name: 'stream 7' } }),
        e({ ph: 'M', name: 'process_name', pid: 42, args: { name: 'python' } }),
        e({ ph: 'M', name: 'process_sort_index', pid: 42, args: { sort_index: -1 } }),
        e({ ph: 'X', dur: 3 }),
        e({ ph: 'X', pid: 42, tid: 42, dur: 3 }),
        e({ ph: 'X', pid: 'Traces', tid: 'PyTorch Profiler', dur: 3 }),
      ],
    });
    expect(t.processes.map((p) => p.name)).toEqual(['python (pid 42)', 'GPU 0', 'Traces']);
    expect(t.tracks.map((k) => [k.name, k.kind])).toEqual([
      ['thread 42', 'cpu'],
      ['stream 7', 'gpu'],
      ['PyTorch Profiler', 'cpu'],
    ]);
  });
});

describe('traceTimeline at scale', () => {
  it('builds a million-event trace (launches, kernels, flows) in one pass', () => {
    const events: TraceEvent[] = [];
    const steps = 250_000;
    for (let i = 0; i < steps; i++) {
      const t0 = i * 10;
      events.push({ ph: 'X', cat: 'cpu_op', name: `aten::op${i % 50}`, pid: 1, tid: 1, ts: t0, dur: 8, args: { 'External id': i } });
      events.push({ ph: 'X', cat: 'cuda_runtime', name: 'cudaLaunchKernel', pid: 1, tid: 1, ts: t0 + 2, dur: 4, args: { correlation: i } });
      events.push({ ph: 's', cat: 'ac2g', name: 'launch', id: i, pid: 1, tid: 1, ts: t0 + 2 });
      events.push({ ph: 'X', cat: 'kernel', name: `kernel${i % 20}`, pid: 0, tid: 'stream 7', ts: t0 + 5, dur: 3, args: { correlation: i } });
      events.push({ ph: 'f', cat: 'ac2g', name: 'launch', id: i, pid: 0, tid: 'stream 7', ts: t0 + 5, bp: 'e' });
    }
    const began = performance.now();
    const t = traceTimeline({ format: 'kineto', meta: {}, traceEvents: events });
    console.log(`traceTimeline: ${events.length} synthetic events -> ${t.slices.start.length} slices, ${t.flows.from.length} flows in ${(performance.now() - began).toFixed(0)} ms`);
    expect(t.slices.start.length).toBe(3 * steps);
    expect(t.flows.from.length).toBe(steps);
    expect(t.tracks.map((k) => k.depthCount)).toEqual([1, 2]); // GPU 0 (pid 0) first, then the CPU thread
    // Every flow goes from a launch (depth 1 on the CPU thread) to the kernel of the same correlation.
    const launch = t.names.indexOf('cudaLaunchKernel');
    let bad = 0;
    for (let k = 0; k < t.flows.from.length; k++) {
      const a = t.flows.from[k]!;
      const b = t.flows.to[k]!;
      if (t.slices.name[a] !== launch || t.slices.start[b]! - t.slices.start[a]! !== 3) bad++;
    }
    expect(bad).toBe(0);
  });
});
