/**
 * The overview's "GPU Summary" card in torch-tb-profiler's shape: per GPU its name,
 * memory and compute capability, then utilization, est. SM efficiency, est. achieved
 * occupancy and the Tensor Cores share of kernel time, with the explanatory tooltip.
 */
import type { DeviceProperties } from '../../trace/types.js';
import type { GpuMetrics } from './metrics.js';
import { pyFloat, pyRound } from './py-number.js';

/** One title/value line of the card. */
export interface TitleValue {
  readonly title: string;
  readonly value: string;
}

/** The card: `{ title: 'GPU Summary', data, tooltip }`. */
export interface GpuSummary {
  readonly title: 'GPU Summary';
  readonly data: TitleValue[];
  readonly tooltip: string;
}

/** What torch shows of a GPU's properties (also used by the distributed view). */
export interface GpuInfo {
  Name?: string;
  /** "31.74 GB". */
  Memory?: string;
  /** Bytes. */
  'Memory Raw'?: number;
  /** "7.0". */
  'Compute Capability'?: string;
}

// What each metric means, shown beside the GPU summary (our words; torch's answer carries its own).
const TIP_UTIL = 'GPU Utilization:\nThe share of the steps\' time during which at least one kernel runs on the GPU. Higher is better.\n';
const TIP_SM = "Est. SM Efficiency:\nAn estimate of how many of the GPU's multiprocessors (SMs) the kernels keep busy: for each kernel, its blocks over the number of SMs (at most 100%), weighted by the kernel's duration and divided by the steps' time. Higher is better.\n";
const TIP_OCC = 'Est. Achieved Occupancy:\nOccupancy is the number of warps active on an SM over the most it can hold; a kernel\'s shape, its registers and shared memory bound it. Estimated per kernel as min(its threads / SMs / max threads per SM, its theoretical occupancy). Higher is usually better (for memory-bound kernels especially). ';
const TIP_OCC_OVERVIEW = "Here, the average over all kernels, weighted by their durations.\n";
const TIP_TC = 'Kernel using Tensor Cores:\nThe share of the kernel time spent in kernels that use Tensor Cores.\n';

/** The properties torch shows of GPU `id`, or undefined when the trace has none for it. */
export function gpuInfo(props: readonly DeviceProperties[] | undefined, id: number): GpuInfo | undefined {
  if (!props || id < 0 || id >= props.length) return undefined;
  const p = props[id]!;
  const info: GpuInfo = {};
  if (typeof p.name === 'string') info.Name = p.name;
  if (typeof p.totalGlobalMem === 'number') {
    info.Memory = `${pyFloat(pyRound(p.totalGlobalMem / 1024 / 1024 / 1024, 2))} GB`;
    info['Memory Raw'] = p.totalGlobalMem;
  }
  if (typeof p.computeMajor === 'number' && typeof p.computeMinor === 'number') {
    info['Compute Capability'] = `${p.computeMajor}.${p.computeMinor}`;
  }
  return info;
}

const percent = (fraction: number): string => `${pyFloat(pyRound(fraction * 100, 2))} %`;

/**
 * The card, or undefined when no GPU ran kernels. `tensorCoreRatio` maps a GPU id to
 * its Tensor Cores share of kernel time (absent: the line is left out).
 */
export function gpuSummary(
  metrics: GpuMetrics,
  props: readonly DeviceProperties[] | undefined,
  tensorCoreRatio: Readonly<Record<number, number>>,
): GpuSummary | undefined {
  if (metrics.gpus.length === 0) return undefined;
  let hasSm = false;
  let hasOcc = false;
  let hasTc = false;
  const data: TitleValue[] = [];
  metrics.gpus.forEach((g, i) => {
    if (i > 0) data.push({ title: '<hr/>', value: '' });
    data.push({ title: `GPU ${g.id}:`, value: '' });
    const info = gpuInfo(props, g.id);
    if (info) {
      for (const key of ['Name', 'Memory', 'Compute Capability'] as const) {
        const v = info[key];
        if (v !== undefined) data.push({ title: key, value: v });
      }
    }
    data.push({ title: 'GPU Utilization', value: percent(g.utilization) });
    if (g.smEfficiency !== null) {
      data.push({ title: 'Est. SM Efficiency', value: percent(g.smEfficiency) });
      hasSm = true;
    }
    if (g.occupancyPercent !== null) {
      data.push({ title: 'Est. Achieved Occupancy', value: `${pyFloat(pyRound(g.occupancyPercent, 2))} %` });
      hasOcc = true;
    }
    const tc = tensorCoreRatio[g.id];
    if (tc !== undefined) {
      data.push({ title: 'Kernel Time using Tensor Cores', value: percent(tc) });
      hasTc = true;
    }
  });
  let tooltip = `The GPU usage metrics:\n\n${TIP_UTIL}`;
  if (hasSm) tooltip += `\n${TIP_SM}`;
  if (hasOcc) tooltip += `\n${TIP_OCC}${TIP_OCC_OVERVIEW}`;
  if (hasTc) tooltip += `\n${TIP_TC}`;
  return { title: 'GPU Summary', data, tooltip };
}
