/**
 * GPU utilization, estimated SM efficiency and estimated achieved occupancy per GPU,
 * from the kernel events (torch-tb-profiler's GPUMetricsParser):
 * - utilization: time with at least one kernel running / time of all steps;
 * - SM efficiency: sum over time of min(blocks per SM of the running kernels, 1) / time of all steps;
 * - occupancy: kernels' 'est. achieved occupancy %' weighted by their time within the steps.
 * Also the utilization timeline (10-power buckets) and SM-efficiency ranges that are
 * inserted into the trace view as counters.
 */
import type { DeviceNode } from '../../model/types.js';
import {
  intersectRanges, intersectValueRanges, mergeRanges, mergeValueRanges, rangesSum,
  type Range, type ValueRange,
} from './ranges.js';

/** The figures of one GPU. */
export interface GpuDeviceMetrics {
  readonly id: number;
  /** Fraction 0..1 of the steps' time with a kernel running. */
  readonly utilization: number;
  /** Fraction 0..1, or null when no kernel recorded 'blocks per SM' within the steps. */
  readonly smEfficiency: number | null;
  /** Percent 0..100 (as torch keeps it), or null when no kernel recorded it within the steps. */
  readonly occupancyPercent: number | null;
  /** Utilization timeline: [bucket start, utilization], closed by [end, 0]. */
  readonly buckets: [number, number][];
  /** Merged SM-efficiency ranges of all kernels (also outside the steps). */
  readonly smRanges: ValueRange[];
}

/** The GPU metrics of one trace. */
export interface GpuMetrics {
  /** One entry per GPU that ran kernels, ascending id. */
  readonly gpus: GpuDeviceMetrics[];
  /** Whether any kernel recorded a positive 'blocks per SM' / a non-negative occupancy. */
  readonly hasBlocksPerSm: boolean;
  readonly hasOccupancy: boolean;
}

/** Time bounds the metrics need: the profiler's span and the span of all steps. */
export interface GpuMetricsBounds {
  readonly globalStart: number;
  readonly globalEnd: number;
  readonly stepsStart: number;
  readonly stepsEnd: number;
}

interface PerGpu { kernels: Range[]; blocks: ValueRange[]; occupancy: ValueRange[] }

/** What the metrics read of a device activity (the model's {@link DeviceNode}). */
export type KernelActivity = Pick<DeviceNode, 'type' | 'deviceId' | 'startTime' | 'endTime' | 'blocksPerSm' | 'occupancy'>;

/** Computes the GPU metrics of the kernels among `activities` (others are ignored). */
export function computeGpuMetrics(activities: readonly KernelActivity[], bounds: GpuMetricsBounds): GpuMetrics {
  const byGpu = new Map<number, PerGpu>();
  let blockCount = 0;
  let occupancyCount = 0;
  for (const k of activities) {
    const gpu = k.deviceId;
    if (k.type !== 'Kernel' || gpu === undefined || !Number.isInteger(gpu) || gpu < 0) continue;
    if (!Number.isFinite(k.startTime) || !Number.isFinite(k.endTime)) continue;
    const start = k.startTime;
    const end = k.endTime;
    let acc = byGpu.get(gpu);
    if (!acc) byGpu.set(gpu, (acc = { kernels: [], blocks: [], occupancy: [] }));
    acc.kernels.push([start, end]);
    const blocks = k.blocksPerSm;
    if (blocks !== undefined && blocks > 0) {
      acc.blocks.push([start, end, blocks]);
      blockCount++;
    }
    const occ = k.occupancy;
    if (occ !== undefined && occ >= 0) {
      acc.occupancy.push([start, end, occ]);
      occupancyCount++;
    }
  }

  const { globalStart, globalEnd, stepsStart, stepsEnd } = bounds;
  const stepsSpan: Range[] = [[stepsStart, stepsEnd]];
  const stepsTime = stepsEnd - stepsStart;
  const gpus: GpuDeviceMetrics[] = [];
  for (const id of [...byGpu.keys()].sort((a, b) => a - b)) {
    const acc = byGpu.get(id)!;
    const kernels = mergeRanges(acc.kernels);
    const utilization = stepsTime > 0 ? rangesSum(intersectRanges(kernels, stepsSpan)) / stepsTime : 0;

    const smRanges = mergeValueRanges(acc.blocks);
    const smInSteps = intersectValueRanges(smRanges, stepsSpan);
    let smEfficiency: number | null = null;
    if (smInSteps.length > 0 && stepsTime > 0) {
      let weighted = 0;
      for (const r of smInSteps) weighted += r[2] * (r[1] - r[0]);
      smEfficiency = weighted / stepsTime;
    }

    let occTime = 0;
    let occSum = 0;
    for (const r of acc.occupancy) {
      const lo = Math.max(r[0], stepsStart);
      const hi = Math.min(r[1], stepsEnd);
      if (lo < hi) {
        occSum += r[2] * (hi - lo);
        occTime += hi - lo;
      }
    }
    gpus.push({
      id,
      utilization,
      smEfficiency,
      occupancyPercent: occTime > 0 ? occSum / occTime : null,
      buckets: utilizationBuckets(kernels, globalStart, globalEnd),
      smRanges,
    });
  }
  return { gpus, hasBlocksPerSm: blockCount > 0, hasOccupancy: occupancyCount > 0 };
}

/**
 * Bucket size: the power of ten (µs) that cuts [start, end) into at most 100 buckets;
 * the last bucket runs to `end`.
 */
export function bucketSize(span: number): number {
  let size = 1;
  while (span / size > 100) size *= 10;
  return size;
}

function utilizationBuckets(kernels: readonly Range[], start: number, end: number): [number, number][] {
  const size = bucketSize(end - start);
  const count = Math.trunc((end - start) / size);
  if (count <= 0 || kernels.length === 0) return [];
  const bucketStart = (i: number): number => start + i * size;
  const bucketEnd = (i: number): number => (i < count - 1 ? start + (i + 1) * size : end);
  const busy = new Array<number>(count).fill(0);
  let k = 0;
  let b = 0;
  while (k < kernels.length && b < count) {
    const [ks, ke] = kernels[k]!;
    const bs = bucketStart(b);
    const be = bucketEnd(b);
    if (be <= ks) b++;
    else if (bs >= ke) k++;
    else {
      busy[b]! += Math.min(ke, be) - Math.max(ks, bs);
      if (be < ke) b++;
      else k++;
    }
  }
  const out: [number, number][] = busy.map((v, i) => [bucketStart(i), v / (bucketEnd(i) - bucketStart(i))]);
  out.push([bucketEnd(count - 1), 0]);
  return out;
}
