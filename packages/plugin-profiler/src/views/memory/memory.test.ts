import { describe, expect, it } from 'vitest';
import { referenceJson, referenceRequests, type ReferenceRequest } from '@tb/core/testing';
import type { ProfileModel } from '../../model/types.js';
import { corpusModel } from '../../testing/corpus.js';
import { approxDiff } from '../../testing/approx.js';
import { buildMemoryProfile, memoryCurve, memoryEvents, memoryStats, type MemoryProfile } from './index.js';

const model = (run: string): ProfileModel => corpusModel('profile-kineto', run);
const profiles = new Map<string, MemoryProfile>();
function profile(run: string): MemoryProfile {
  let p = profiles.get(run);
  if (!p) profiles.set(run, (p = buildMemoryProfile(model(run))!));
  return p;
}

const q = (r: ReferenceRequest, key: string): string | undefined => r.query.find(([k]) => k === key)?.[1];
const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number.parseInt(v, 10));

function answer(r: ReferenceRequest): unknown {
  const p = profile(q(r, 'run')!);
  if (r.path.endsWith('/memory')) {
    return memoryStats(p, { startTs: num(q(r, 'start_ts')), endTs: num(q(r, 'end_ts')), metric: q(r, 'memory_metric') });
  }
  if (r.path.endsWith('/memory_curve')) return memoryCurve(p, { timeMetric: q(r, 'time_metric'), memoryMetric: q(r, 'memory_metric') });
  return memoryEvents(p, { startTs: num(q(r, 'start_ts')), endTs: num(q(r, 'end_ts')), timeMetric: q(r, 'time_metric'), memoryMetric: q(r, 'memory_metric') });
}

describe('memory views (torch-tb-profiler answers)', () => {
  const requests = ['memory', 'memory_curve', 'memory_events']
    .flatMap((route) => referenceRequests('profile-kineto', `/data/plugin/pytorch_profiler/${route}`)
      .filter((r) => r.path === `/data/plugin/pytorch_profiler/${route}` && r.status === 200));

  it('covers every recorded request of the three routes for both runs', () => {
    expect(requests.length).toBe(14);
    expect(new Set(requests.map((r) => q(r, 'run')))).toEqual(new Set(['resnet50_num_workers_0', 'resnet50_num_workers_4']));
  });

  for (const r of requests) {
    const query = r.query.filter(([k]) => k !== 'worker' && k !== 'span').map(([k, v]) => `${k}=${v}`).join('&');
    it(`${r.path.split('/').pop()} ${query}`, () => {
      const actual = JSON.parse(JSON.stringify(answer(r)));
      expect(approxDiff(actual, referenceJson('profile-kineto', r), { abs: 1e-9, keyOrder: true, ignoreKeys: ['tooltip'] })).toEqual([]);
      // In fact every number is torch's exactly (rounding half to even included).
      expect(approxDiff(actual, referenceJson('profile-kineto', r), { rel: 0, abs: 1e-9, keyOrder: true, ignoreKeys: ['tooltip'] })).toEqual([]);
    });
  }

  it('splits the time range: no operator allocates more inside a sub-range than overall', () => {
    const p = profile('resnet50_num_workers_0');
    const all = memoryStats(p)!;
    const steps = model('resnet50_num_workers_0').steps;
    const part = memoryStats(p, { startTs: steps[1]!.start, endTs: steps[2]!.end })!;
    const gpuAll = new Map(all.rows['GPU0']!.map((row) => [row[0], row]));
    let smaller = 0;
    for (const row of part.rows['GPU0']!) {
      const whole = gpuAll.get(row[0])!;
      expect(row[1] as number).toBeLessThanOrEqual(whole[1] as number);
      expect(row[6] as number).toBeLessThanOrEqual((whole[6] as number) + 1e-9);
      if ((row[1] as number) < (whole[1] as number)) smaller++;
    }
    expect(smaller).toBeGreaterThan(0);
  });

  it('answers undefined for a unit torch does not know', () => {
    expect(memoryStats(profile('resnet50_num_workers_0'), { metric: 'TB' })).toBeUndefined();
    expect(memoryCurve(profile('resnet50_num_workers_0'), { timeMetric: 'h' })).toBeUndefined();
  });
});
