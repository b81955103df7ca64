import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusPath, referenceRequests } from '@tb/core/testing';
import type { ProfileModel } from '../../model/types.js';
import {
  buildGpuProfile, computeGpuMetrics, gpuMetricsInsertText, gpuMetricsTraceEvents, insertGpuMetrics,
} from './index.js';
import { corpusModel } from '../../testing/corpus.js';

const model = (run: string): ProfileModel => corpusModel('profile-kineto', run);

interface TraceInsert { file: string; offset: number }
const traceRequests = referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/trace')
  .filter((r) => r.status === 200 && (r as unknown as { trace_insert?: TraceInsert }).trace_insert);

function recordedInsert(r: (typeof traceRequests)[number]): string {
  const file = corpusPath('reference', 'profile-kineto', (r as unknown as { trace_insert: TraceInsert }).trace_insert.file);
  return existsSync(file) ? readFileSync(file, 'utf8') : gunzipSync(readFileSync(`${file}.gz`)).toString('utf8');
}

describe('GPU metrics counters inserted into the trace', () => {
  it('has recorded inserts for both runs', () => {
    expect(traceRequests.length).toBe(2);
  });

  for (const request of traceRequests) {
    const run = request.query.find(([k]) => k === 'run')![1];
    it(`are torch's text for ${run}`, () => {
      const expected = recordedInsert(request);
      const gpu = buildGpuProfile(model(run));
      const text = gpuMetricsInsertText(gpu);
      // Same counters, in the same order, with the same values: byte for byte.
      expect(text.length).toBe(expected.length);
      expect(text).toBe(expected);
      expect(gpuMetricsTraceEvents(gpu.metrics).every((e) => JSON.parse(e).ph === 'C')).toBe(true);

      // Served body = source[:offset] + insert + source[offset:].
      const dir = corpusPath('profile-kineto', run);
      const source = gunzipSync(readFileSync(`${dir}/${readdirSync(dir).find((f) => f.includes('.pt.trace.json'))!}`)).toString('utf8');
      const offset = (request as unknown as { trace_insert: TraceInsert }).trace_insert.offset;
      const served = insertGpuMetrics(source, gpu);
      expect(served.slice(0, offset + text.length)).toBe(source.slice(0, offset) + text);
      expect(served.length).toBe(source.length + text.length);
    });
  }

  it('insert after "traceEvents": [ and keep the JSON valid', () => {
    const gpu = buildGpuProfile(model('resnet50_num_workers_4'));
    const json = insertGpuMetrics('{"schemaVersion": 1, "traceEvents": [{"ph":"X","name":"a","ts":1,"dur":1,"pid":0,"tid":0}]}', gpu.metrics);
    const parsed = JSON.parse(json) as { traceEvents: { ph: string }[] };
    expect(parsed.traceEvents.length).toBe(gpuMetricsTraceEvents(gpu.metrics).length + 1);
    expect(parsed.traceEvents[parsed.traceEvents.length - 1]!.ph).toBe('X');
  });
});

describe('computeGpuMetrics', () => {
  const kernel = (deviceId: number, startTime: number, endTime: number, blocksPerSm?: number, occupancy?: number) =>
    ({ type: 'Kernel' as const, deviceId, startTime, endTime, blocksPerSm, occupancy });

  it('computes utilization, SM efficiency and occupancy over the steps only', () => {
    const m = computeGpuMetrics([
      kernel(0, 0, 10, 0.5, 40), // half inside the steps [5, 25)
      kernel(0, 10, 20, 2, 20), // blocks capped at 1
      kernel(0, 15, 20, 0.25, -1), // overlaps; negative occupancy ignored
      { type: 'Memcpy', deviceId: 0, startTime: 20, endTime: 25, blocksPerSm: undefined, occupancy: undefined },
      kernel(1, 30, 40), // outside the steps
      { type: 'Kernel', deviceId: undefined, startTime: 5, endTime: 25, blocksPerSm: 1, occupancy: 100 }, // no device: ignored
      kernel(0, Number.NaN, 25, 1, 100), // corrupt: ignored
    ], { globalStart: 0, globalEnd: 50, stepsStart: 5, stepsEnd: 25 });
    const [g0, g1] = m.gpus;
    expect(g0!.utilization).toBeCloseTo(15 / 20, 12);
    expect(g0!.smEfficiency).toBeCloseTo((5 * 0.5 + 10 * 1) / 20, 12);
    expect(g0!.occupancyPercent).toBeCloseTo((5 * 40 + 10 * 20) / 15, 12);
    expect(g1!.utilization).toBe(0);
    expect(g1!.smEfficiency).toBeNull();
    expect(g1!.occupancyPercent).toBeNull();
    // 50 µs fit in at most 100 buckets of 1 µs: 50 buckets, closed by [50, 0].
    expect(g0!.buckets.length).toBe(51);
    expect(g0!.buckets[3]).toEqual([3, 1]);
    expect(g0!.buckets[22]).toEqual([22, 0]);
  });

  it('agrees with the overview card for the corpus', () => {
    const gpu = buildGpuProfile(model('resnet50_num_workers_0'));
    const g = gpu.metrics.gpus[0]!;
    expect(gpu.metrics.gpus.map((x) => x.id)).toEqual([0]);
    expect(gpu.summary!.data.find((d) => d.title === 'GPU Utilization')!.value).toBe(`${Math.round(g.utilization * 10000) / 100} %`);
    expect(g.smEfficiency!).toBeLessThanOrEqual(g.utilization);
    expect(gpu.tcUsedRatio).toBe(0);
    expect(gpu.tcEligibleOpsKernelRatio).toBeGreaterThan(0.6);
  });
});
