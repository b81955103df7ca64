import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/types.js';
import { buildModel } from './build.js';
import type { OperatorNode } from './types.js';

const X = (cat: string, name: string, ts: number, dur: number, tid: number, args: Record<string, unknown> = {}): TraceEvent => ({ ph: 'X', cat, name, pid: 1, tid, ts, dur, args });
const flow = (ph: 's' | 'f', ts: number, id: number, tid: number): TraceEvent => ({ ph, cat: 'fwdbwd', name: 'fwdbwd', pid: 1, tid, ts, id });
const shape = (n: OperatorNode): unknown => ({ [`${n.name}@${n.startTime}-${n.endTime}`]: n.children.map(shape) });

describe('backward modules', () => {
  const events: TraceEvent[] = [
    X('cpu_op', 'ProfilerStep#1', 0, 1000, 1),
    X('python_function', 'nn.Module: Net_0', 10, 190, 1, { 'Python id': 1, 'Python parent id': 0, 'Python module id': 5 }),
    X('cpu_op', 'aten::linear', 20, 80, 1, { 'External id': 1 }),
    X('cpu_op', 'autograd::engine::evaluate_function: AddmmBackward0', 300, 100, 2),
    X('cpu_op', 'AddmmBackward0', 310, 80, 2),
    X('cpu_op', 'aten::mm', 320, 60, 2),
    X('cpu_op', 'autograd::engine::evaluate_function: torch::autograd::AccumulateGrad', 410, 10, 2),
  ];

  it('gather the backward roots of a module’s forward operators under <module>.backward in the main thread', () => {
    const m = buildModel({ format: 'kineto', meta: {}, traceEvents: [...events, flow('s', 20, 7, 1), flow('f', 310, 7, 2)] });
    expect(m.trees.map((t) => t.tid)).toEqual([1]); // the backward thread lost all its roots
    const step = m.trees[0]!.root.children[0]!;
    expect(shape(step)).toEqual({
      'ProfilerStep#1@0-1000': [
        { 'nn.Module: Net_0@10-200': [{ 'aten::linear@20-100': [] }] },
        {
          'nn.Module: Net_0.backward@300-420': [
            { 'autograd::engine::evaluate_function: AddmmBackward0@300-400': [{ 'AddmmBackward0@310-390': [{ 'aten::mm@320-380': [] }] }] },
            { 'autograd::engine::evaluate_function: torch::autograd::AccumulateGrad@410-420': [] },
          ],
        },
      ],
    });
    const bw = step.children[1]!;
    expect([bw.kind, bw.type, bw.tid, bw.selfHostDuration]).toEqual(['backward', 'backward', 2, 120 - 100 - 10]);
  });

  it('leave the trees alone without forward→backward flows', () => {
    const m = buildModel({ format: 'kineto', meta: {}, traceEvents: events });
    expect(m.trees.map((t) => t.tid)).toEqual([1, 2]);
    expect(m.trees[1]!.root.children).toHaveLength(2);
  });
});
