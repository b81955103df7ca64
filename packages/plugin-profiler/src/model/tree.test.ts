import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/types.js';
import { buildModel } from './build.js';
import type { OperatorNode } from './types.js';

const op = (name: string, ts: number, dur: number, ext?: number, tid = 1): TraceEvent => ({ ph: 'X', cat: 'Operator', name, pid: 1, tid, ts, dur, args: ext === undefined ? {} : { 'External id': ext } });
const rt = (ts: number, dur: number, ext: number, corr: number, tid = 1): TraceEvent => ({ ph: 'X', cat: 'Runtime', name: 'cudaLaunchKernel', pid: 1, tid, ts, dur, args: { 'external id': ext, correlation: corr } });
const kernel = (name: string, ts: number, dur: number, corr: number): TraceEvent => ({ ph: 'X', cat: 'Kernel', name, pid: 0, tid: 7, ts, dur, args: { correlation: corr, device: 0 } });
const model = (traceEvents: TraceEvent[]) => buildModel({ format: 'kineto', traceEvents, meta: {} });
const shape = (n: OperatorNode): unknown => ({ [n.name]: n.children.map(shape) });

describe('operator trees', () => {
  it('nests by containment; equal starts put the longer first; a crossing node is dropped', () => {
    const m = model([op('a', 0, 100), op('b', 10, 20), op('c', 10, 5), op('d', 40, 10), op('x', 90, 30), op('e', 150, 10)]);
    expect(shape(m.trees[0]!.root)).toEqual({ CallTreeRoot: [{ a: [{ b: [{ c: [] }] }, { d: [] }] }, { e: [] }] });
    const root = m.trees[0]!.root;
    expect([root.startTime, root.endTime]).toEqual([0, 160]);
  });

  it('merges an operator with an only child of the same name, keeping the child runtimes', () => {
    const m = model([op('aten::to', 0, 50, 1), op('aten::to', 5, 40, 2), op('aten::copy_', 10, 20, 3), rt(12, 2, 1, 100), rt(35, 2, 2, 101), kernel('k', 60, 7, 101)]);
    const to = m.trees[0]!.root.children[0]!;
    expect(shape(to)).toEqual({ 'aten::to': [{ 'aten::copy_': [] }] });
    // The outer node's own runtime (ext 1) is replaced by the inner one's (ext 2), as the autograd profiler does.
    expect(to.runtimes.map((r) => r.correlationId)).toEqual([101]);
    expect(to.selfDeviceDuration).toBe(7);
    expect(to.selfHostDuration).toBe(50 - 20 - 2);
  });

  it('joins runtimes by external id and kernels by correlation id (kernel before or after its runtime)', () => {
    const m = model([
      op('aten::conv2d', 0, 100, 1),
      op('aten::cudnn_convolution', 10, 50, 2),
      kernel('early', 5, 3, 200), // written before its runtime
      rt(20, 5, 2, 200),
      rt(30, 5, 2, 201),
      kernel('volta_h884_gemm', 40, 10, 201),
      rt(70, 5, 1, 202),
      kernel('late', 80, 4, 202),
    ]);
    const conv = m.trees[0]!.root.children[0]!;
    const cudnn = conv.children[0]!;
    expect(cudnn.runtimes.map((r) => r.deviceNodes.map((d) => d.name))).toEqual([['early'], ['volta_h884_gemm']]);
    expect(cudnn.selfDeviceDuration).toBe(13);
    expect(cudnn.tcSelfDuration).toBe(10);
    expect(conv.selfDeviceDuration).toBe(4);
    expect(conv.deviceDuration).toBe(17);
    expect(conv.tcTotalDuration).toBe(10);
    expect(conv.selfHostDuration).toBe(100 - 50 - 5);
    expect(cudnn.selfHostDuration).toBe(50 - 10);
    expect(m.deviceNodes.map((d) => d.opName)).toEqual(['aten::cudnn_convolution', 'aten::cudnn_convolution', 'aten::conv2d']);
  });

  it('hangs external-id-0 runtimes on the root and unlaunched kernels on a dummy runtime of the main thread', () => {
    const m = model([
      { ph: 'X', cat: 'Operator', name: 'ProfilerStep#3', pid: 1, tid: 1, ts: 0, dur: 100, args: {} },
      op('aten::add', 10, 10, 5),
      rt(50, 2, 0, 300),
      kernel('from-zero', 60, 2, 300),
      kernel('orphan', 70, 3, 999),
    ]);
    const root = m.trees[0]!.root;
    expect(root.runtimes.map((r) => r.name)).toEqual(['cudaLaunchKernel', 'dummy']);
    expect(m.deviceNodes.map((d) => d.opName)).toEqual(['CallTreeRoot', 'CallTreeRoot']);
    expect(m.mainTid).toBe(1);
  });

  it('keeps one tree per thread, in order of first appearance', () => {
    const m = model([op('late-thread', 5, 1, undefined, 2), op('a', 0, 10, undefined, 1), op('b', 20, 1, undefined, 2)]);
    expect(m.trees.map((t) => t.tid)).toEqual([1, 2]);
    expect(m.trees[1]!.root.children.map((c) => c.name)).toEqual(['late-thread', 'b']);
  });
});

describe('steps', () => {
  it('extend each step to the end of the device work it launched and drop a cut-off tail step', () => {
    const step = (n: number, ts: number, dur: number): TraceEvent => ({ ph: 'X', cat: 'Operator', name: `ProfilerStep#${n}`, pid: 1, tid: 1, ts, dur, args: {} });
    const m = model([
      step(1, 0, 100), rt(10, 5, 0, 1), kernel('k1', 20, 130, 1),
      step(2, 100, 100), rt(110, 5, 0, 2), rt(120, 5, 0, 3), kernel('k2', 160, 10, 2), kernel('k3', 175, 60, 3),
      step(3, 200, 100),
    ]);
    // Step 1 ends with its kernel (150); step 2 starts there and ends with k3 (235); step 3 launched nothing: dropped.
    expect(m.steps).toEqual([{ name: '1', start: 0, end: 150 }, { name: '2', start: 150, end: 235 }]);
    expect(m.roleRanges.Kernel).toEqual([[20, 150], [160, 170], [175, 235]]);
  });
});

describe('event types', () => {
  it('takes steps from host ProfilerStep#N (cpu_op or user_annotation), not from their GPU-side copies', () => {
    const m = model([
      { ph: 'X', cat: 'user_annotation', name: 'ProfilerStep#4', pid: 1, tid: 1, ts: 0, dur: 50, args: {} },
      { ph: 'X', cat: 'gpu_user_annotation', name: 'ProfilerStep#4', pid: 0, tid: 7, ts: 10, dur: 60, args: {} },
      op('aten::add', 5, 5, 1),
    ]);
    expect(m.steps).toEqual([{ name: '4', start: 0, end: 50 }]);
    expect(m.trees.map((t) => t.tid)).toEqual([1]);
    expect(m.trees[0]!.root.children[0]!.kind).toBe('profilerStep');
  });
});

describe('autograd traces', () => {
  it('read uncategorized events as operators, and those of "CUDA functions" as kernels', () => {
    const m = buildModel({
      format: 'autograd',
      meta: {},
      traceEvents: [
        { ph: 'X', name: 'ProfilerStep#1', pid: 'CPU functions', tid: 1, ts: 0, dur: 100, args: {} },
        { ph: 'X', name: 'aten::mm', pid: 'CPU functions', tid: 1, ts: 10, dur: 20, args: {} },
        { ph: 'X', name: 'gemm_kernel', pid: 'CUDA functions', tid: 0, ts: 15, dur: 30, args: {} },
      ],
    });
    expect(shape(m.trees[0]!.root)).toEqual({ CallTreeRoot: [{ 'ProfilerStep#1': [{ 'aten::mm': [] }] }] });
    expect(m.deviceNodes.map((d) => [d.name, d.type, d.opName])).toEqual([['gemm_kernel', 'Kernel', 'CallTreeRoot']]);
    expect(m.hasKernel).toBe(true);
  });
});
