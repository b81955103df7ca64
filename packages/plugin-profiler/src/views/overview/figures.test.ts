import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '@tb/core/testing';
import { buildModel } from '../../model/index.js';
import { readTraceFileSync } from '../../trace/read-sync.js';
import { adviceFor, buildOverviewProfile, overviewFigures, overviewJson, type AverageFigures } from './index.js';

function average(parts: Partial<Omit<AverageFigures, 'percent' | 'total'>>): AverageFigures {
  const a = { kernel: 0, memcpy: 0, memset: 0, runtime: 0, dataLoader: 0, cpuExec: 0, other: 0, ...parts };
  const total = Object.values(a).reduce((x, y) => x + y, 0);
  const p = (v: number): number => (100 * v) / total;
  return { ...a, total, percent: { kernel: p(a.kernel), memcpy: p(a.memcpy), memset: p(a.memset), runtime: p(a.runtime), dataLoader: p(a.dataLoader), cpuExec: p(a.cpuExec), other: p(a.other) } };
}
const busyGpu = { utilization: 0.9, smEfficiency: 0.8, occupancy: 0.5 };
const noTc = { eligibleShare: 0, usedShare: 0 };

describe('adviceFor', () => {
  it('says nothing about a step that keeps the GPU busy', () => {
    expect(adviceFor(average({ kernel: 90, cpuExec: 10 }), busyGpu, noTc)).toEqual([]);
  });

  it('speaks of each share above its threshold, with the share', () => {
    expect(adviceFor(average({ kernel: 60, dataLoader: 40 }), busyGpu, noTc)).toEqual([
      '40% of the step time waits for the DataLoader: raise num_workers, use pin_memory=True and prefetch',
    ]);
    const advice = adviceFor(average({ kernel: 40, runtime: 20, memcpy: 15, cpuExec: 25 }), { ...busyGpu, utilization: 0.4 }, noTc);
    expect(advice.map((a) => a.split(' ')[0])).toEqual(['The', '20%', '15%']);
    expect(advice[0]).toContain('busy only 40%');
    expect(adviceFor(average({ kernel: 50, cpuExec: 50 }), busyGpu, noTc)[0]).toMatch(/^50% of the step time is host-side/);
  });

  it('advises mixed precision only when eligible kernels use no Tensor Cores', () => {
    expect(adviceFor(average({ kernel: 1 }), busyGpu, { eligibleShare: 0.68, usedShare: 0 })[0]).toMatch(/^68% of the kernel time .*Tensor Cores/);
    expect(adviceFor(average({ kernel: 1 }), busyGpu, { eligibleShare: 0.68, usedShare: 0.3 })).toEqual([]);
  });
});

describe('a CPU-only (autograd profiler) trace', () => {
  const dir = corpusPath('profile', 'mlp_100');
  for (const file of readdirSync(dir).filter((f) => f.includes('.pt.trace.json'))) {
    it(`${file}: only DataLoader, CPU Exec and Other, no GPU`, () => {
      const p = buildOverviewProfile(buildModel(readTraceFileSync(`${dir}/${file}`)));
      const f = overviewFigures(p);
      expect(f.gpu).toBeNull();
      expect(f.steps.length).toBe(2);
      for (const s of f.steps) {
        expect(s.kernel + s.memcpy + s.memset + s.runtime).toBe(0);
        expect(s.cpuExec + s.other + s.dataLoader).toBe(s.total);
        expect(s.cpuExec / s.total).toBeGreaterThan(0.8);
      }
      expect(f.recommendations).toEqual([]);
      const json = overviewJson(p, { workerCount: 1 });
      expect(json.steps.columns.filter((c) => c.name).map((c) => c.name)).toEqual(['Step', 'DataLoader', 'CPU Exec', 'Other']);
      expect(json.environments[1]).toEqual({ title: 'Device Type', value: 'CPU' });
      expect(json.gpu_metrics).toBeUndefined();
      expect(json.recommendations).toBe('<ul><li>N/A</li></ul>');
    });
  }
});
