import { describe, expect, it } from 'vitest';
import { buildModel } from '../../model/build.js';
import { corpusModel } from '../../testing/corpus.js';
import type { TraceEvent } from '../../trace/types.js';
import { buildOpsProfile } from './build.js';
import { diff, diffNode } from './diff.js';
import { kernelPie, kernelTable, tensorCorePie } from './kernel.js';
import { moduleView } from './module.js';
import { operationPie, operationStack, operationTable } from './operation.js';

const X = (cat: string, name: string, ts: number, dur: number, args: Record<string, unknown> = {}, tid = 1): TraceEvent => ({ ph: 'X', cat, name, pid: 1, tid, ts, dur, args });
const profile = (events: TraceEvent[]) => buildOpsProfile(buildModel({ format: 'kineto', traceEvents: events, meta: {} }));

describe('operator view on an autograd trace (CPU only)', () => {
  const p = buildOpsProfile(corpusModel('profile', 'mlp_100'));
  it('has host columns only, sorted by host self time, and no kernel view', () => {
    const t = operationTable(p, 'Operation');
    expect(t.metadata.sort).toBe('host_self_duration');
    expect(t.data.length).toBeGreaterThan(10);
    expect(t.data.some((r) => r.name === 'aten::addmm')).toBe(true);
    expect(t.data.every((r) => r.device_self_duration === undefined && r.has_call_stack === false)).toBe(true);
    const self = t.data.map((r) => r.host_self_duration);
    expect(self.every((v, i) => i === 0 || self[i - 1]! >= v)).toBe(true);
    const pies = operationPie(p, 'Operation');
    expect(pies.device_total_time).toBeNull();
    expect(pies.host_self_time!.rows.length).toBeGreaterThan(5);
    expect(kernelPie(p) ?? kernelTable(p) ?? tensorCorePie(p)).toBeUndefined();
    expect(operationStack(p, 'Operation', 'aten::addmm')).toBeUndefined();
  });
  it('diffs two spans of the same run on their steps', () => {
    const q = buildOpsProfile(corpusModel('profile', 'mlp_100', 1));
    const d = diff(p, q);
    expect(d.left.name).toBe('CompositeNodes');
    expect(d.left.aggs.find((a) => a.name === 'aten::addmm')?.calls).toBe(d.right.aggs.find((a) => a.name === 'aten::addmm')?.calls);
    expect(diffNode(p, q, '0-99')).toBeUndefined();
    expect(diffNode(p, q, '0')!.children.map((c) => c.path)).toEqual(d.children.map((_, i) => `0-${i}`));
  });
});

describe('operation/stack', () => {
  const stack = (s: string) => ({ 'Call stack': s, 'Input Dims': [[2, 3]], 'External id': 1 });
  const p = profile([X('cpu_op', 'aten::mm', 0, 10, stack('a.py(1): f')), X('cpu_op', 'aten::mm', 20, 10, stack('b.py(2): g')), X('cpu_op', 'aten::mm', 40, 4, stack('a.py(1): f')), X('cpu_op', 'aten::relu', 50, 1)]);
  it('groups one operator by call stack, with or without its input shape', () => {
    const byStack = operationStack(p, 'Operation', 'aten::mm')!;
    expect(byStack.data.map((r) => [r.call_stack, r.calls, r.host_total_duration])).toEqual([['a.py(1): f', 2, 14], ['b.py(2): g', 1, 10]]);
    expect(operationStack(p, 'OperationAndInputShape', 'aten::mm', '[[2, 3]]')!.data).toHaveLength(2);
    expect(operationTable(p, 'Operation').data.map((r) => [r.name, r.has_call_stack])).toEqual([['aten::mm', true], ['aten::relu', false]]);
  });
  it('is undefined for an unknown operator, a shape not seen, or a shape left out', () => {
    expect(operationStack(p, 'Operation', 'nope')).toBeUndefined();
    expect(operationStack(p, 'Operation', 'aten::relu')).toBeUndefined();
    expect(operationStack(p, 'OperationAndInputShape', 'aten::mm', '[[9]]')).toBeUndefined();
    expect(operationStack(p, 'OperationAndInputShape', 'aten::mm')).toBeUndefined();
    expect(operationStack(p, 'Operation', '__proto__')).toBeUndefined();
  });
});

describe('diff', () => {
  const run = (middle: [string, number][]) => {
    const ev: TraceEvent[] = [X('cpu_op', 'ProfilerStep#1', 0, 1000), X('cpu_op', 'enumerate(DataLoader)#_Iter.__next__', 10, 50)];
    let t = 100;
    for (const [name, dur] of middle) {
      ev.push(X('cpu_op', name, t, dur));
      t += dur + 10;
    }
    ev.push(X('cpu_op', 'Optimizer.step#SGD.step', 900, 50), X('cpu_op', 'aten::add_', 910, 5));
    return profile(ev);
  };
  it('aligns runs on data-loader and optimizer nodes, with the stretch between as composites', () => {
    const d = diff(run([['aten::conv2d', 100], ['aten::relu', 20]]), run([['aten::linear', 70]]));
    expect(d.children.map((c) => [c.left.name, c.right.name])).toEqual([
      ['enumerate(DataLoader)#_Iter.__next__', 'enumerate(DataLoader)#_Iter.__next__'],
      ['CompositeNodes', 'aten::linear'],
      ['Optimizer.step#SGD.step', 'Optimizer.step#SGD.step'],
    ]);
    const middle = d.children[1]!;
    expect([middle.left.duration, middle.right.duration]).toEqual([120, 70]);
    expect(middle.left.aggs.map((a) => a.name)).toEqual(['aten::conv2d', 'aten::relu']);
    // The optimizer node is not an operator itself, its aten::add_ child is.
    expect(d.children[2]!.left.aggs.map((a) => [a.name, a.calls])).toEqual([['aten::add_', 1]]);
    expect(diffNode(run([]), run([]), '0-1')!.left.name).toBe('Optimizer.step#SGD.step');
  });
});

describe('module view', () => {
  const fn = (name: string, ts: number, dur: number, id: number, parent: number, moduleId?: number) =>
    X('python_function', name, ts, dur, { 'Python id': id, 'Python parent id': parent, ...(moduleId === undefined ? {} : { 'Python module id': moduleId }) });
  it('aggregates module forwards in the Python call hierarchy', () => {
    const p = profile([
      X('cpu_op', 'ProfilerStep#1', 0, 100),
      fn('nn.Module: Net_0', 1, 89, 1, 0, 10),
      fn('nn.Module: Linear_0', 5, 25, 2, 1, 11),
      fn('torch/nn/functional.py(1): linear', 6, 23, 3, 2),
      X('cpu_op', 'aten::linear', 7, 21),
      fn('nn.Module: Linear_1', 40, 20, 4, 1, 12),
      X('cpu_op', 'aten::linear', 41, 18),
    ]);
    const view = moduleView(p)!;
    expect(view.columns.map((c) => c.key)).toEqual(['name', 'occurences', 'operators', 'host_duration', 'self_host_duration', 'device_duration', 'self_device_duration']);
    const net = view.data[0]!;
    expect([net.name, net.id, net.occurences, net.host_duration, net.self_host_duration]).toEqual(['Net_0', 10, 1, 89, 89 - 25 - 20]);
    expect(net.children.map((c) => [c.name, c.operators, c.host_duration, c.avg_duration])).toEqual([['Linear_0', 1, 25, 25], ['Linear_1', 1, 20, 20]]);
  });
  it('is undefined without module events', () => {
    expect(moduleView(profile([X('cpu_op', 'aten::add', 0, 1)]))).toBeUndefined();
  });
});
