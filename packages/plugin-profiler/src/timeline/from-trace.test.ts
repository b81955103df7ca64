import { detailAt, detailCount } from './details.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { readTraceFileSync } from '../trace/read-sync.js';
import type { ProfileTrace, TraceEvent } from '../trace/types.js';
import { traceTimeline } from './from-trace.js';
import type { Timeline } from './types.js';

function traceFile(dir: string): string {
  const file = readdirSync(dir).find((f) => f.endsWith('.pt.trace.json.gz') || f.endsWith('.pt.trace.json'));
  return join(dir, file!);
}

const kinetoRuns = ['resnet50_num_workers_0', 'resnet50_num_workers_4'];

/** Flow pairs by (cat, id) whose both ends were written, computed from the raw events. */
function rawFlowPairs(events: readonly TraceEvent[]): Map<string, { s: TraceEvent; f: TraceEvent }> {
  const starts = new Map<string, TraceEvent>();
  const ends = new Map<string, TraceEvent>();
  for (const e of events) {
    if (e.ph === 's') starts.set(`${e.cat}/${e.id}`, e);
    if (e.ph === 'f') ends.set(`${e.cat}/${e.id}`, e);
  }
  const pairs = new Map<string, { s: TraceEvent; f: TraceEvent }>();
  for (const [k, s] of starts) {
    const f = ends.get(k);
    if (f) pairs.set(k, { s, f });
  }
  return pairs;
}

/**
 * Checks sorting and nesting (the first violation fails the test); returns how many
 * deeper slices there are and how many lie wholly inside their parent.
 */
function checkStructure(t: Timeline): { contained: number; nested: number } {
  const { track, start, dur, depth } = t.slices;
  const n = start.length;
  const problems: string[] = [];
  const fail = (i: number, what: string): void => {
    if (problems.length < 5) problems.push(`slice ${i}: ${what}`);
  };
  let contained = 0;
  let nested = 0;
  // Per track, the last slice seen at each depth.
  let lastAt: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && track[i] !== track[i - 1]) lastAt = [];
    if (i > 0 && track[i]! < track[i - 1]!) fail(i, 'tracks out of order');
    if (i > 0 && track[i] === track[i - 1] && start[i]! < start[i - 1]!) fail(i, 'starts out of order');
    const d = depth[i]!;
    if (d >= t.tracks[track[i]!]!.depthCount) fail(i, `depth ${d} beyond the track's depthCount`);
    const prev = lastAt[d];
    if (prev !== undefined && start[prev]! + dur[prev]! > start[i]!) fail(i, `overlaps slice ${prev} on its level`);
    if (d > 0) {
      const parent = lastAt[d - 1];
      if (parent === undefined || start[parent]! > start[i]! || start[parent]! + dur[parent]! <= start[i]!) {
        fail(i, 'does not start inside a slice of the level above');
      } else {
        nested++;
        if (start[i]! + dur[i]! <= start[parent]! + dur[parent]!) contained++;
      }
    }
    lastAt[d] = i;
    lastAt.length = d + 1;
  }
  expect(problems).toEqual([]);
  return { contained, nested };
}

describe('traceTimeline on Kineto traces', () => {
  for (const run of kinetoRuns) {
    it(`builds the timeline of ${run}`, () => {
      const trace: ProfileTrace = readTraceFileSync(traceFile(corpusPath('profile-kineto', run)));
      const began = performance.now();
      const t = traceTimeline(trace);
      const ms = (performance.now() - began).toFixed(0);
      console.log(`traceTimeline(${run}): ${trace.traceEvents.length} events -> ${t.processes.length} processes, ${t.tracks.length} tracks, ${t.slices.start.length} slices, ${t.flows.from.length} flows in ${ms} ms`);

      const xs = trace.traceEvents.filter((e) => e.ph === 'X');
      expect(t.slices.start.length).toBe(xs.length);
      expect(detailCount(t.details)).toBe(xs.length);
      const threads = new Set(xs.map((e) => `${e.pid}/${e.tid}`));
      expect(t.tracks.length).toBe(threads.size);
      const streams = new Set(xs.filter((e) => String(e.tid).startsWith('stream')).map((e) => e.tid));
      expect(t.tracks.filter((k) => k.kind === 'gpu').map((k) => k.name).sort()).toEqual([...streams].map(String).sort());

      const cpuPid = xs.find((e) => e.cat === 'Operator')!.pid;
      const names = t.processes.map((p) => p.name);
      expect(names).toContain(`python (pid ${cpuPid})`);
      expect(names).toContain('GPU 0');
      expect(names).not.toContain('GPU 1'); // no events there
      // Threads named by metadata
      expect(t.tracks.some((k) => /^thread \d+ \(python\)$/.test(k.name))).toBe(true);
      // Tracks grouped by process in process order.
      for (let i = 1; i < t.tracks.length; i++) expect(t.tracks[i]!.process >= t.tracks[i - 1]!.process).toBe(true);

      const { contained, nested } = checkStructure(t);
      expect(nested).toBeGreaterThan(1000);
      expect(contained / nested).toBeGreaterThan(0.99);
      const maxEnd = Math.max(...xs.map((e) => e.ts + (e.dur ?? 0)));
      const minTs = Math.min(...xs.map((e) => e.ts));
      expect(t.origin).toBe(minTs);
      expect(t.duration).toBe(maxEnd - minTs);

      // Flows: every raw pair becomes an arrow from the CPU slice holding 's' to the GPU slice starting at 'f'.
      const pairs = rawFlowPairs(trace.traceEvents);
      expect(pairs.size).toBeGreaterThan(1000);
      expect(t.flows.from.length).toBe(pairs.size);
      const kernelStarts = new Set([...pairs.values()].map((p) => p.f.ts - t.origin));
      const sourceTimes = new Set([...pairs.values()].map((p) => p.s.ts - t.origin));
      let badFlows = 0;
      for (let k = 0; k < t.flows.from.length; k++) {
        const a = t.flows.from[k]!;
        const b = t.flows.to[k]!;
        const ok =
          t.tracks[t.slices.track[a]!]!.kind === 'cpu' &&
          t.tracks[t.slices.track[b]!]!.kind === 'gpu' &&
          kernelStarts.has(t.slices.start[b]!) &&
          t.categories[t.slices.cat[a]!] === 'Runtime' &&
          sourceTimes.has(t.slices.start[a]!);
        if (!ok) badFlows++;
      }
      expect(badFlows).toBe(0);

      // Details carry the args.
      const kernel = t.slices.cat.findIndex((c) => t.categories[c] === 'Kernel');
      const args = JSON.parse(detailAt(t.details, kernel)!) as Record<string, unknown>;
      expect(args.grid).toBeInstanceOf(Array);
      expect(typeof args.correlation).toBe('number');
      const op = t.slices.cat.findIndex((c) => t.categories[c] === 'Operator');
      expect(JSON.parse(detailAt(t.details, op)!)['Call stack']).toEqual(expect.any(String));
    });
  }
});

describe('traceTimeline on autograd traces', () => {
  it('reads the bare list of events of mlp_100', () => {
    const dir = corpusPath('profile', 'mlp_100');
    for (const f of readdirSync(dir)) {
      const trace = readTraceFileSync(join(dir, f));
      const t = traceTimeline(trace);
      expect(trace.format).toBe('autograd');
      expect(t.slices.start.length).toBe(trace.traceEvents.filter((e) => e.ph === 'X').length);
      expect(t.processes.map((p) => p.name)).toEqual([...new Set(trace.traceEvents.map((e) => String(e.pid)))]);
      expect(t.tracks.map((k) => k.name)).toEqual(expect.arrayContaining(['thread 1']));
      const { nested } = checkStructure(t);
      expect(nested).toBeGreaterThan(0);
      expect(Array.from({ length: detailCount(t.details) }, (_, i) => detailAt(t.details, i)).every((d) => d === null)).toBe(true); // empty args
    }
  });
});
