import { describe, expect, it } from 'vitest';
import { buildModel } from './build.js';
import { isOperatorNode } from './nodes.js';
import { corpusModel, KINETO_RUNS, kinetoAnswer, kinetoRequests, queryValue } from '../testing/corpus.js';
import type { OperatorNode } from './types.js';

interface RefTreeNode {
  name: string;
  start_time: number;
  end_time: number;
  type: string;
  tid: number | string;
  children: RefTreeNode[];
}

/** Paths where two trees differ (name, span, type, tid, child count), at most `limit`. */
function treeDiffs(a: OperatorNode, b: RefTreeNode, limit = 5): string[] {
  const out: string[] = [];
  const todo: [OperatorNode, RefTreeNode, string][] = [[a, b, '0']];
  while (todo.length > 0 && out.length < limit) {
    const [x, y, path] = todo.pop()!;
    if (x.name !== y.name || x.startTime !== y.start_time || x.endTime !== y.end_time || x.type !== y.type || x.tid !== y.tid || x.children.length !== y.children.length) {
      out.push(`${path}: ${x.name}@${x.startTime}-${x.endTime}/${x.children.length} vs ${y.name}@${y.start_time}-${y.end_time}/${y.children.length}`);
      continue;
    }
    x.children.forEach((c, i) => todo.push([c, y.children[i]!, `${path}-${i}`]));
  }
  return out;
}

describe.each(KINETO_RUNS)('buildModel on the Kineto trace %s', (run) => {
  const model = corpusModel('profile-kineto', run);

  it("builds the first thread's tree exactly as torch-tb-profiler's tree answer", () => {
    const req = kinetoRequests('/data/plugin/pytorch_profiler/tree').find((r) => queryValue(r, 'run') === run)!;
    const ref = kinetoAnswer(req) as RefTreeNode;
    expect(ref.children.length).toBeGreaterThan(0);
    expect(treeDiffs(model.trees[0]!.root, ref)).toEqual([]);
  });

  it("has the overview's steps: same names, and each step's span equals the reference step total", () => {
    const req = kinetoRequests('/data/plugin/pytorch_profiler/overview').find((r) => queryValue(r, 'run') === run && queryValue(r, 'worker') === 'worker0' && queryValue(r, 'span') === '1')!;
    const rows = (kinetoAnswer(req) as { steps: { rows: unknown[][] } }).steps.rows;
    expect(model.steps.map((s) => s.name)).toEqual(rows.map((r) => r[0]));
    const totals = rows.map((r) => r.filter((_, i) => i % 2 === 1).reduce<number>((s, v) => s + (v as number), 0));
    model.steps.forEach((s, i) => expect(Math.abs(s.end - s.start - totals[i]!)).toBeLessThanOrEqual(1));
  });

  it('attaches every launched kernel to an operator or the root, and role ranges are disjoint and sorted', () => {
    const kernels = model.deviceNodes.filter((d) => d.type === 'Kernel');
    expect(kernels.length).toBeGreaterThan(8000);
    expect(kernels.every((k) => k.opName !== null)).toBe(true);
    expect(model.hasKernel && model.hasRuntime && model.hasMemcpyOrMemset).toBe(true);
    for (const ranges of Object.values(model.roleRanges)) {
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);
    }
    expect(model.memoryEvents.length).toBeGreaterThan(10000);
    expect(model.memoryEvents.every((m, i, a) => i === 0 || a[i - 1]!.ts <= m.ts)).toBe(true);
  });

  it('survives a structured clone (plain data only)', () => {
    const clone = structuredClone(model);
    expect(clone.trees[0]!.root.children.length).toBe(model.trees[0]!.root.children.length);
    expect(clone.steps).toEqual(model.steps);
  });
});

describe('buildModel on autograd traces (no Kineto)', () => {
  for (const run of ['mlp_100', 'mlp_32']) {
    it(`${run}: CPU operators only, steps from ProfilerStep#N`, () => {
      const model = corpusModel('profile', run);
      expect(model.format).toBe('autograd');
      expect(model.steps.map((s) => s.name)).toEqual(['1', '2']);
      expect(model.hasKernel).toBe(false);
      const ops: OperatorNode[] = [];
      const todo = [model.trees[0]!.root];
      while (todo.length) {
        const n = todo.pop()!;
        if (isOperatorNode(n)) ops.push(n);
        todo.push(...n.children);
      }
      expect(ops.some((o) => o.name === 'aten::addmm')).toBe(true);
      // Self host time never exceeds total, and children fit inside their parent.
      for (const o of ops) {
        expect(o.selfHostDuration).toBeLessThanOrEqual(o.endTime - o.startTime);
        for (const c of o.children) expect(c.startTime >= o.startTime && c.endTime <= o.endTime).toBe(true);
      }
    });
  }
});

describe('buildModel on bad input', () => {
  it('skips events without a usable ts/dur and never throws', () => {
    const model = buildModel({
      format: 'kineto',
      meta: {},
      traceEvents: [
        { ph: 'X', cat: 'Operator', name: 'good', pid: 1, tid: 1, ts: 0, dur: 10 },
        { ph: 'X', cat: 'Operator', name: 'no-dur', pid: 1, tid: 1, ts: 1 },
        { ph: 'X', cat: 'Operator', name: 'neg', pid: 1, tid: 1, ts: 1, dur: -3 },
        { ph: 'X', cat: 'Operator', name: 'ProfilerStep#abc', pid: 1, tid: 1, ts: 1, dur: 3 },
        { ph: 'X', cat: 'Kernel', name: 'k', pid: 0, tid: 7, ts: 5, dur: 1, args: { correlation: 99 } },
        { ph: 'X', name: 'no-cat', pid: 1, tid: 1, ts: 2, dur: 1 },
      ],
    });
    const root = model.trees[0]!.root;
    expect(root.children.map((c) => c.name)).toEqual(['good']);
    expect(model.steps).toEqual([{ name: '0', start: 0, end: 10 }]);
  });
});
