import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, referenceBytes, referenceRequests, type ReferenceRequest } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { readTraceFileSync } from '../trace/read-sync.js';
import type { TraceEvent } from '../trace/types.js';
import { traceTimeline } from './from-trace.js';

/**
 * torch-tb-profiler's trace route answers the trace with its GPU metrics spliced in as
 * counter events ('C': "GPU 0 Utilization", "GPU 0 Est. SM Efficiency"); the recorded
 * splice is in the reference. Fed the same events, the timeline must carry those series.
 */
interface TraceRequest extends ReferenceRequest {
  readonly trace_insert?: { readonly file: string };
}

const requests = referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/trace') as TraceRequest[];

describe('counters of torch-tb-profiler\'s GPU metrics', () => {
  it('has recorded trace answers to compare with', () => {
    expect(requests.filter((r) => r.trace_insert).length).toBe(2);
  });

  for (const request of requests.filter((r) => r.trace_insert)) {
    const run = request.query.find(([k]) => k === 'run')![1];
    it(`carries every GPU metric point of ${run}`, () => {
      const text = referenceBytes('profile-kineto', { ...request, file: request.trace_insert!.file }).toString('utf8');
      const inserted = JSON.parse(`[${text.trim().replace(/,\s*$/, '')}]`) as TraceEvent[];
      const dir = corpusPath('profile-kineto', run);
      const trace = readTraceFileSync(join(dir, readdirSync(dir)[0]!));
      const t = traceTimeline({ ...trace, traceEvents: [...trace.traceEvents, ...inserted] });

      const byName = new Map<string, TraceEvent[]>();
      for (const e of inserted) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
      expect([...byName.keys()].sort()).toEqual(['GPU 0 Est. SM Efficiency', 'GPU 0 Utilization']);
      expect(t.counters.map((c) => c.name).sort()).toEqual([...byName.keys()].sort());
      for (const c of t.counters) {
        const events = byName.get(c.name)!;
        expect(t.processes[c.process]!.name).toBe('GPU 0');
        expect(c.ts.length).toBe(events.length);
        // Same points, in time order (equal times keep the written order).
        const expected = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.ts - b.e.ts || a.i - b.i);
        let mismatches = 0;
        expected.forEach(({ e }, k) => {
          const value = Object.values(e.args!)[0] as number;
          if (c.ts[k] !== e.ts - t.origin || c.values[k] !== value) mismatches++;
        });
        expect(mismatches).toBe(0);
      }
      // The slices are untouched by the counters.
      expect(t.slices.start.length).toBe(trace.traceEvents.filter((e) => e.ph === 'X').length);
    });
  }
});
