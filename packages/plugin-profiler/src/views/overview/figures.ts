/**
 * The overview's own structured figures for tb-core's page: per-step and average
 * breakdown in microseconds, the GPU's fractions, and plain-sentence advice computed
 * from those figures.
 */
import type { StepCosts } from './breakdown.js';
import type { OverviewProfile } from './profile.js';

/** The categories of a step's time, each in microseconds (or, in `percent`, its share). */
export interface CategoryFigures {
  kernel: number;
  memcpy: number;
  memset: number;
  runtime: number;
  dataLoader: number;
  cpuExec: number;
  other: number;
}

/** One step's breakdown, microseconds. */
export interface StepFigures extends CategoryFigures {
  step: string;
  total: number;
}

/** Shares of the average step, percent 0..100. */
export type PercentFigures = CategoryFigures;

/** The average step and its shares. */
export type AverageFigures = Omit<StepFigures, 'step'> & { percent: PercentFigures };

/** GPU fractions 0..1 (null where the trace lacks the data). */
export interface GpuFigures {
  utilization: number | null;
  smEfficiency: number | null;
  occupancy: number | null;
}

/** Everything tb-core's overview page shows. */
export interface OverviewFigures {
  steps: StepFigures[];
  average: AverageFigures;
  gpu: GpuFigures | null;
  recommendations: string[];
}

/** Shares above which the advice speaks (fractions of the average step). */
export const ADVICE_THRESHOLDS = {
  /** torch's own DataLoader threshold. */
  dataLoader: 0.05,
  /** torch's own threshold for GPU utilization. */
  gpuUtilization: 0.5,
  runtime: 0.1,
  memcpy: 0.1,
  cpuExec: 0.3,
} as const;

function figuresOf(c: StepCosts): Omit<StepFigures, 'step'> {
  return {
    total: c.Total,
    kernel: c.Kernel,
    memcpy: c.Memcpy,
    memset: c.Memset,
    runtime: c.Runtime,
    dataLoader: c.DataLoader,
    cpuExec: c.CpuOp,
    other: c.Other,
  };
}

const pct = (fraction: number): string => `${Math.round(fraction * 100)}%`;

/** Plain-sentence advice from the average step and the GPU figures (`gpu` null: a CPU-only run). */
export function adviceFor(average: AverageFigures, gpu: GpuFigures | null, tc: { eligibleShare: number; usedShare: number | null }): string[] {
  const out: string[] = [];
  const share = (v: number): number => (average.total > 0 ? v / average.total : 0);
  const t = ADVICE_THRESHOLDS;
  if (share(average.dataLoader) > t.dataLoader) {
    out.push(`${pct(share(average.dataLoader))} of the step time waits for the DataLoader: raise num_workers, use pin_memory=True and prefetch`);
  }
  if (gpu?.utilization != null && gpu.utilization < t.gpuUtilization) {
    out.push(`The GPU is busy only ${pct(gpu.utilization)} of the step time: feed it more work per step (a larger batch) or remove the host-side stalls above`);
  }
  if (share(average.runtime) > t.runtime) {
    out.push(`${pct(share(average.runtime))} of the step time is spent launching work (CUDA runtime): many small kernels; fuse them (torch.compile, CUDA graphs) or use larger batches`);
  }
  if (share(average.memcpy) > t.memcpy) {
    out.push(`${pct(share(average.memcpy))} of the step time copies memory: keep tensors on the GPU, use pin_memory=True and non_blocking=True copies`);
  }
  // Host-side work only holds the GPU back when there is one (in a CPU run it is the work).
  if (gpu !== null && share(average.cpuExec) > t.cpuExec) {
    out.push(`${pct(share(average.cpuExec))} of the step time is host-side operator work the GPU waits for: reduce Python/CPU overhead (torch.compile, fewer small ops)`);
  }
  if (tc.usedShare === 0 && tc.eligibleShare > 0) {
    out.push(`${pct(tc.eligibleShare)} of the kernel time comes from operators that could run on Tensor Cores but none do: enable automatic mixed precision (torch.autocast)`);
  }
  return out;
}

/** The figures of `p`. */
export function overviewFigures(p: OverviewProfile): OverviewFigures {
  const steps = p.steps.map(({ name, costs }) => ({ step: name, ...figuresOf(costs) }));
  const avg = figuresOf(p.average);
  const of = (v: number): number => (avg.total > 0 ? (100 * v) / avg.total : 0);
  const average: AverageFigures = {
    ...avg,
    percent: {
      kernel: of(avg.kernel),
      memcpy: of(avg.memcpy),
      memset: of(avg.memset),
      runtime: of(avg.runtime),
      dataLoader: of(avg.dataLoader),
      cpuExec: of(avg.cpuExec),
      other: of(avg.other),
    },
  };
  const first = p.gpu.metrics.gpus[0];
  const gpu: GpuFigures | null = first
    ? {
      utilization: first.utilization,
      smEfficiency: first.smEfficiency,
      occupancy: first.occupancyPercent === null ? null : first.occupancyPercent / 100,
    }
    : null;
  const recommendations = adviceFor(average, gpu, { eligibleShare: p.gpu.tcEligibleOpsKernelRatio, usedShare: p.gpu.tcUsedRatio });
  return { steps, average, gpu, recommendations };
}
