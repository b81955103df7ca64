import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, referenceJson, referenceRequests } from '@tb/core/testing';
import { buildModel } from '../../model/index.js';
import { readTraceFileSync } from '../../trace/read-sync.js';
import type { ProfileTrace, TraceEvent } from '../../trace/types.js';
import { buildOverviewProfile, overviewFigures, overviewJson } from './index.js';
import { approxDiff } from '../../testing/approx.js';

const RUNS = ['resnet50_num_workers_0', 'resnet50_num_workers_4'] as const;

const traces = new Map<string, ProfileTrace>();
function trace(run: string): ProfileTrace {
  let t = traces.get(run);
  if (!t) {
    const dir = corpusPath('profile-kineto', run);
    const file = readdirSync(dir).find((f) => f.includes('.pt.trace.json'))!;
    traces.set(run, (t = readTraceFileSync(`${dir}/${file}`)));
  }
  return t;
}
const profile = (run: string) => buildOverviewProfile(buildModel(trace(run)));

describe('overview (torch-tb-profiler answer)', () => {
  const requests = referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/overview')
    .filter((r) => r.status === 200);

  it('has a recorded answer for both runs', () => {
    const runs = requests.map((r) => r.query.find(([k]) => k === 'run')?.[1]);
    expect(new Set(runs)).toEqual(new Set(RUNS));
  });

  for (const request of requests) {
    const run = request.query.find(([k]) => k === 'run')![1];
    it(`matches ${run}`, () => {
      const answer = JSON.parse(JSON.stringify(overviewJson(profile(run), { workerCount: 1 })));
      const expected = referenceJson('profile-kineto', request);
      // Every figure, key and label; the prose (tooltips, recommendations) is in our words.
      expect(approxDiff(answer, expected, { abs: 1e-9, keyOrder: true, ignoreKeys: ['tooltip', 'recommendations'] })).toEqual([]);
      // The same recommendations, in torch's order, carrying its figures and links.
      const items = (html: string) => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
      const figures = (item: string) => [item.match(/\d+(?:\.\d+)?%/g) ?? [], [...item.matchAll(/href="([^"]+)"/g)].map((m) => m[1])];
      const ours = items((answer as { recommendations: string }).recommendations);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.map(figures)).toEqual(items((expected as { recommendations: string }).recommendations).map(figures));
    });
  }
});

function merged(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * DataLoader share of the steps straight from the events, by a route of its own: the
 * time spent in `enumerate(DataLoader)#...__next__` while no kernel, memcpy or memset
 * runs, over the time from the first step's start to the end of the last step or of the
 * last GPU activity, whichever is later.
 */
function rawDataLoaderShare(events: readonly TraceEvent[]): number {
  const span = (e: TraceEvent): [number, number] => [e.ts, e.ts + e.dur!];
  const x = events.filter((e) => e.ph === 'X');
  const steps = x.filter((e) => e.name.startsWith('ProfilerStep#')).map(span);
  const loads = merged(x.filter((e) => e.name.startsWith('enumerate(DataLoader)#') && e.name.endsWith('.__next__')).map(span));
  const gpu = merged(x.filter((e) => e.cat === 'Kernel' || e.cat === 'Memcpy' || e.cat === 'Memset').map(span));
  const start = Math.min(...steps.map((s) => s[0]));
  const hostEnd = Math.max(...steps.map((s) => s[1]));
  const end = Math.max(hostEnd, gpu[gpu.length - 1]![1]);
  let loading = 0;
  for (const [a0, b0] of loads) {
    const a = Math.max(a0, start);
    const b = Math.min(b0, hostEnd);
    if (a >= b) continue;
    let busy = 0;
    for (const [g0, g1] of gpu) busy += Math.max(0, Math.min(b, g1) - Math.max(a, g0));
    loading += b - a - busy;
  }
  return loading / (end - start);
}

describe('overviewFigures', () => {
  it('finds num_workers_0 input-bound, as the raw events say', () => {
    const raw = rawDataLoaderShare(trace(RUNS[0]).traceEvents);
    const f = overviewFigures(profile(RUNS[0]));
    const share = f.average.dataLoader / f.average.total;
    expect(raw).toBeGreaterThan(0.25);
    expect(raw).toBeLessThan(0.45);
    expect(Math.abs(share - raw)).toBeLessThan(0.005);
    expect(f.average.percent.dataLoader).toBeCloseTo(100 * share, 6);
    expect(f.recommendations[0]).toMatch(/^3\d% of the step time waits for the DataLoader: raise num_workers/);
  });

  it('does not find num_workers_4 input-bound', () => {
    const raw = rawDataLoaderShare(trace(RUNS[1]).traceEvents);
    const f = overviewFigures(profile(RUNS[1]));
    expect(raw).toBeLessThan(0.02);
    expect(Math.abs(f.average.dataLoader / f.average.total - raw)).toBeLessThan(0.005);
    expect(f.recommendations.some((r) => r.includes('DataLoader'))).toBe(false);
  });

  it('adds up: each step is the sum of its parts, the average is the mean of the steps', () => {
    for (const run of RUNS) {
      const f = overviewFigures(profile(run));
      expect(f.steps.map((s) => s.step)).toEqual(['5', '6', '7', '8', '9', '10']);
      for (const s of f.steps) {
        expect(s.kernel + s.memcpy + s.memset + s.runtime + s.dataLoader + s.cpuExec + s.other).toBe(s.total);
      }
      const meanKernel = f.steps.reduce((a, s) => a + s.kernel, 0) / f.steps.length;
      expect(f.average.kernel).toBeCloseTo(meanKernel, 6);
      expect(f.gpu!.utilization).toBeGreaterThan(0.5);
      expect(f.gpu!.occupancy).toBeGreaterThan(0);
      expect(f.gpu!.occupancy).toBeLessThan(1);
      // ResNet-50's convolutions in FP32 on a V100: mixed precision is advised.
      expect(f.recommendations.some((r) => r.includes('Tensor Cores'))).toBe(true);
      expect(() => structuredClone(profile(run))).not.toThrow();
    }
  });
});
