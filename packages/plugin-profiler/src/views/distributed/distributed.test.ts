import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, referenceRequests } from '@tb/core/testing';
import { buildModel } from '../../model/index.js';
import { readTraceFileSync } from '../../trace/read-sync.js';
import type { ProfileTrace, TraceEvent } from '../../trace/types.js';
import {
  buildDistributedView, buildDistributedWorker, distributedCommOps, distributedGpuInfo, distributedOverlap,
  distributedWaitTime, inputBytes,
} from './index.js';

const x = (cat: string, name: string, ts: number, dur: number, args: Record<string, unknown>, tid: number | string = 1, pid: number = 7): TraceEvent =>
  ({ ph: 'X', cat, name, pid, tid, ts, dur, args });

/**
 * One training step [0, 1000) of a worker: a convolution whose kernel runs [200, 500),
 * then an all_reduce of 1024 floats (CPU [400, 420)) whose NCCL kernel starts at
 * `ncclStart` and ends at 650 — the later it starts, the less it waited for the peer.
 */
function workerTrace(ncclStart: number, collectives = 1): ProfileTrace {
  const events: TraceEvent[] = [
    x('cpu_op', 'ProfilerStep#1', 0, 1000, { 'External id': 1 }),
    x('cpu_op', 'aten::conv2d', 100, 200, { 'External id': 10 }),
    x('cuda_runtime', 'cudaLaunchKernel', 150, 10, { correlation: 1, 'external id': 10 }),
    x('Kernel', 'implicit_convolve_sgemm', 200, 300, { correlation: 1, 'external id': 10, device: 0 }, 'stream 7', 0),
  ];
  for (let c = 0; c < collectives; c++) {
    const at = 400 + c * 30;
    events.push(
      x('cpu_op', 'nccl:all_reduce', at, 20, { 'External id': 20 + c, 'Input Dims': [[1024]], 'Input type': ['float'] }),
      x('cuda_runtime', 'cudaLaunchKernel', at + 5, 5, { correlation: 2 + c, 'external id': 20 + c }),
      x('Kernel', 'ncclKernel_AllReduce_RING_LL_Sum_float', ncclStart + c, 650 - ncclStart - c, { correlation: 2 + c, 'external id': 20 + c, device: 0 }, 'stream 20', 0),
    );
  }
  return {
    format: 'kineto',
    traceEvents: events,
    deviceProperties: [{ id: 0, name: 'NVIDIA A100', totalGlobalMem: 42505273344, computeMajor: 8, computeMinor: 0 }],
    distributedInfo: { backend: 'nccl', rank: 0, world_size: 2 },
    meta: {},
  };
}

describe('distributed view of two workers', () => {
  const w0 = buildDistributedWorker(buildModel(workerTrace(450)), 'node_0');
  const w1 = buildDistributedWorker(buildModel(workerTrace(550)), 'node_1');
  const view = buildDistributedView([w1, w0]);

  it('finds each worker one all_reduce of 4096 bytes in step 1', () => {
    expect(w0.ops).toEqual([{ name: 'nccl:all_reduce', step: '1', kernelRanges: [[400, 420], [450, 650]], bytes: 4096 }]);
    expect(w1.ops[0]!.kernelRanges).toEqual([[400, 420], [550, 650]]);
  });

  it('splits each step into computation, overlap, communication and other', () => {
    // node_0: kernels [200,500) = 300; communication [400,420)+[450,650) = 220; both: 20+50 = 70.
    // node_1: communication [400,420)+[550,650) = 120; overlap 20.
    expect(distributedOverlap(view)!.data['1']).toEqual({ node_0: [230, 70, 150, 550], node_1: [280, 20, 100, 600] });
    expect(distributedOverlap(view)!.data['all']).toEqual({ node_0: [230, 70, 150, 550], node_1: [280, 20, 100, 600] });
  });

  it('separates data transfer (the faster worker\'s time) from waiting for the slower one', () => {
    // The transfer takes 100 µs on both (the shorter kernel); node_0 started 100 µs early and waited.
    expect(distributedWaitTime(view)!.data['1']).toEqual({ node_0: [120, 100], node_1: [120, 0] });
    expect(distributedWaitTime(view)!.metadata.legends).toEqual(['Data Transfer Time', 'Synchronizing Time']);
  });

  it('tabulates the collectives per worker', () => {
    const ops = distributedCommOps(view)!;
    expect(Object.keys(ops.data)).toEqual(['node_0', 'node_1']);
    expect(ops.data['node_0']!.rows).toEqual([['nccl:all_reduce', 1, 4096, 4096, 220, 220, 120, 120]]);
    expect(ops.data['node_1']!.rows).toEqual([['nccl:all_reduce', 1, 4096, 4096, 120, 120, 120, 120]]);
    expect(ops.data['node_0']!.columns.map((c) => c.name)[7]).toBe('Avg Data Transfer Time (us)');
  });

  it('lists the GPUs per node and process', () => {
    const info = distributedGpuInfo(view)!;
    expect(Object.keys(info.data)).toEqual(['node']);
    expect(Object.keys(info.data['node']!)).toEqual(['Process 0', 'Process 1']);
    expect(info.data['node']!['Process 1']!['GPU0']).toEqual({
      Name: 'NVIDIA A100', Memory: '39.59 GB', 'Memory Raw': 42505273344, 'Compute Capability': '8.0',
    });
  });

  it('is plain data', () => {
    expect(structuredClone(view)).toEqual(view);
  });

  it('has no view when the workers\' collectives do not line up', () => {
    const w2 = buildDistributedWorker(buildModel(workerTrace(550, 2)), 'node_1');
    expect(buildDistributedView([w0, w2])).toBeUndefined();
  });
});

describe('inputBytes', () => {
  it('multiplies dims by element sizes and ignores unknown types', () => {
    expect(inputBytes([[2, 3], [4]], ['c10::Half', 'long int'])).toBe(2 * 3 * 2 + 4 * 8);
    expect(inputBytes([[5]], ['std::string'])).toBe(0);
    expect(inputBytes(undefined, undefined)).toBe(0);
  });
});

describe('distributed view of the corpus', () => {
  for (const run of ['resnet50_num_workers_0', 'resnet50_num_workers_4']) {
    it(`is absent for ${run}, as torch answered 404`, () => {
      const recorded = referenceRequests('profile-kineto', '/data/plugin/pytorch_profiler/distributed/')
        .filter((r) => r.query.some(([k, v]) => k === 'run' && v === run));
      expect(recorded.length).toBe(4);
      expect(recorded.every((r) => r.status === 404)).toBe(true);
      const dir = corpusPath('profile-kineto', run);
      const file = readdirSync(dir).find((f) => f.includes('.pt.trace.json'))!;
      const view = buildDistributedView([buildDistributedWorker(buildModel(readTraceFileSync(`${dir}/${file}`)), 'worker0')]);
      expect(view).toBeUndefined();
      expect([distributedGpuInfo(view), distributedOverlap(view), distributedWaitTime(view), distributedCommOps(view)]).toEqual([undefined, undefined, undefined, undefined]);
    });
  }
});
