/**
 * The distributed view of a run's workers (torch-tb-profiler's DistributedRunGenerator):
 * the GPUs of each node/process, each step's computation/communication overlap, the
 * time collectives spent transferring data versus waiting for the slowest worker, and
 * per-worker statistics of the collectives. Built once; the route functions return the
 * four answers.
 */
import { pyRound } from '../gpu/py-number.js';
import { mergeRanges, rangesSum, type Range } from '../gpu/ranges.js';
import type { GpuInfo } from '../gpu/summary.js';
import type { DistributedWorker } from './worker.js';

type PerWorker<T> = Record<string, T>;

/** The four answers, precomputed. */
export interface DistributedView {
  readonly gpuinfo: { metadata: { title: 'Device Information' }; data: Record<string, Record<string, Record<string, GpuInfo>>> } | null;
  readonly overlap: { metadata: { title: string; legends: string[]; units: 'us' }; data: Record<string, PerWorker<number[]>> };
  readonly waittime: { metadata: { title: string; legends: string[]; units: 'us' }; data: Record<string, PerWorker<number[]>> };
  readonly commops: { metadata: { title: string }; data: PerWorker<{ columns: { type: string; name: string }[]; rows: (string | number)[][] }> };
}

const sortedByKey = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Each collective's real transfer time: for the j-th kernel of the i-th collective, the
 * shortest duration among the workers, ending where each worker's kernel ends.
 * Undefined when the workers' collectives do not line up.
 */
export function realTransferRanges(workers: readonly DistributedWorker[]): Range[][][] | undefined {
  const first = workers[0];
  if (!first || workers.some((w) => w.ops.length === 0 || w.ops.length !== first.ops.length)) return undefined;
  const out: Range[][][] = workers.map((w) => w.ops.map(() => []));
  for (let i = 0; i < first.ops.length; i++) {
    const n = first.ops[i]!.kernelRanges.length;
    if (workers.some((w) => w.ops[i]!.kernelRanges.length !== n)) return undefined;
    for (let j = 0; j < n; j++) {
      let shortest = Infinity;
      for (const w of workers) {
        const r = w.ops[i]!.kernelRanges[j]!;
        shortest = Math.min(shortest, r[1] - r[0]);
      }
      workers.forEach((w, k) => {
        const end = w.ops[i]!.kernelRanges[j]![1];
        out[k]![i]!.push([end - shortest, end]);
      });
    }
  }
  return out;
}

function gpuinfo(workers: readonly DistributedWorker[]): DistributedView['gpuinfo'] {
  const data: Record<string, Record<string, Record<string, GpuInfo>>> = {};
  let index = 0;
  for (const w of [...workers].sort((a, b) => (a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0))) {
    if (!w.hasDeviceProperties) continue;
    const m = /^(.*)_(\d+)/.exec(w.worker);
    const node = m ? m[1]! : w.worker;
    const process = `Process ${m ? m[2]! : index++}`;
    (data[node] ??= {})[process] = { ...w.gpus };
  }
  if (Object.keys(data).length === 0) return null;
  for (const k of Object.keys(data)) data[k] = sortedByKey(data[k]!);
  return { metadata: { title: 'Device Information' }, data };
}

/** The distributed view of `workers` (one span), or undefined when not all of them communicated alike. */
export function buildDistributedView(workers: readonly DistributedWorker[]): DistributedView | undefined {
  const real = realTransferRanges(workers);
  if (!real) return undefined;

  const overlapData: Record<string, PerWorker<number[]>> = { all: {} };
  const waitData: Record<string, PerWorker<number[]>> = { all: {} };
  const opsData: DistributedView['commops']['data'] = {};
  workers.forEach((w, k) => {
    const all = [0, 0, 0, 0];
    w.steps.forEach((step, i) => {
      const c = w.overlap[i]!;
      const v = [c.computation - c.overlap, c.overlap, c.communication - c.overlap, c.other];
      (overlapData[step] ??= {})[w.worker] = v;
      v.forEach((x, j) => { all[j]! += x; });
    });
    overlapData['all']![w.worker] = all.map((x) => Math.trunc(x / Math.max(1, w.steps.length)));

    // Per step and per collective name: kernel time and real transfer time.
    const perStep = new Map<string | null, [Range[], Range[]]>();
    const perName = new Map<string, { calls: number; bytes: number; kernel: Range[]; real: Range[] }>();
    w.ops.forEach((op, i) => {
      const s = perStep.get(op.step) ?? [[], []];
      s[0].push(...op.kernelRanges);
      s[1].push(...real[k]![i]!);
      perStep.set(op.step, s);
      const n = perName.get(op.name) ?? { calls: 0, bytes: 0, kernel: [], real: [] };
      n.calls++;
      n.bytes += op.bytes;
      n.kernel.push(...op.kernelRanges);
      n.real.push(...real[k]![i]!);
      perName.set(op.name, n);
    });
    const waitAll = [0, 0];
    for (const [step, [kernel, realRanges]] of perStep) {
      const total = rangesSum(mergeRanges(kernel));
      const transfer = rangesSum(mergeRanges(realRanges));
      const v = [transfer, total - transfer];
      (waitData[String(step)] ??= {})[w.worker] = v;
      waitAll[0]! += v[0]!;
      waitAll[1]! += v[1]!;
    }
    waitData['all']![w.worker] = waitAll.map((x) => Math.trunc(x / Math.max(1, perStep.size)));

    const rows: (string | number)[][] = [];
    for (const [name, n] of perName) {
      const kernel = rangesSum(mergeRanges(n.kernel));
      const transfer = rangesSum(mergeRanges(n.real));
      rows.push([name, n.calls, n.bytes, pyRound(n.bytes / n.calls), kernel, pyRound(kernel / n.calls), transfer, pyRound(transfer / n.calls)]);
    }
    const columns = [{ type: 'string', name: 'Name' }, ...[
      'Calls', 'Total Size (bytes)', 'Avg Size (bytes)', 'Total Latency (us)', 'Avg Latency (us)',
      'Data Transfer Time (us)', 'Avg Data Transfer Time (us)',
    ].map((name) => ({ type: 'number', name }))];
    opsData[w.worker] = { columns, rows };
  });
  for (const k of Object.keys(overlapData)) overlapData[k] = sortedByKey(overlapData[k]!);
  for (const k of Object.keys(waitData)) waitData[k] = sortedByKey(waitData[k]!);

  return {
    gpuinfo: gpuinfo(workers),
    overlap: {
      metadata: { title: 'Computation/Communication Overview', legends: ['Computation', 'Overlapping', 'Communication', 'Other'], units: 'us' },
      data: overlapData,
    },
    waittime: {
      metadata: { title: 'Synchronizing/Communication Overview', legends: ['Data Transfer Time', 'Synchronizing Time'], units: 'us' },
      data: waitData,
    },
    commops: { metadata: { title: 'Communication Operations Stats' }, data: sortedByKey(opsData) },
  };
}

/** The `distributed/gpuinfo` answer; undefined (404) when the run has no distributed view. */
export const distributedGpuInfo = (v: DistributedView | undefined): DistributedView['gpuinfo'] | undefined => v?.gpuinfo;
/** The `distributed/overlap` answer; undefined (404) when the run has no distributed view. */
export const distributedOverlap = (v: DistributedView | undefined): DistributedView['overlap'] | undefined => v?.overlap;
/** The `distributed/waittime` answer; undefined (404) when the run has no distributed view. */
export const distributedWaitTime = (v: DistributedView | undefined): DistributedView['waittime'] | undefined => v?.waittime;
/** The `distributed/commops` answer; undefined (404) when the run has no distributed view. */
export const distributedCommOps = (v: DistributedView | undefined): DistributedView['commops'] | undefined => v?.commops;
