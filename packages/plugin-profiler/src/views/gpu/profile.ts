/**
 * Everything the GPU views answer for one profile, computed once: the metrics, the
 * overview's GPU Summary card, and the Tensor Cores figures.
 */
import type { ProfileModel } from '../../model/types.js';
import { computeGpuMetrics, type GpuMetrics } from './metrics.js';
import { gpuSummary, type GpuSummary } from './summary.js';
import { tcEligibleOpsKernelRatio, tensorCoreRatioByGpu, tensorCoreUsedRatio } from './tensor-cores.js';

/** What the GPU views read of the analysis model. */
export type GpuSource = Pick<ProfileModel, 'steps' | 'globalStartTs' | 'globalEndTs' | 'deviceNodes' | 'deviceProperties' | 'trees'>;

/** The GPU figures of one profile (plain data). */
export interface GpuProfile {
  readonly metrics: GpuMetrics;
  /** torch's "GPU Summary" card; undefined when no GPU ran kernels. */
  readonly summary: GpuSummary | undefined;
  /** Tensor Cores share of all kernel time; null when there are no kernels. */
  readonly tcUsedRatio: number | null;
  /** Share of operators' kernel time launched by innermost Tensor-Cores-eligible operators. */
  readonly tcEligibleOpsKernelRatio: number;
}

/** Computes the GPU figures of `model`. */
export function buildGpuProfile(model: GpuSource): GpuProfile {
  const first = model.steps[0];
  const last = model.steps[model.steps.length - 1];
  const metrics: GpuMetrics = first && last
    ? computeGpuMetrics(model.deviceNodes, {
      globalStart: model.globalStartTs,
      globalEnd: model.globalEndTs,
      stepsStart: first.start,
      stepsEnd: last.end,
    })
    : { gpus: [], hasBlocksPerSm: false, hasOccupancy: false };
  const gpuIds = metrics.gpus.map((g) => g.id);
  const hasKernel = model.deviceNodes.some((d) => d.type === 'Kernel');
  return {
    metrics,
    summary: gpuSummary(metrics, model.deviceProperties, tensorCoreRatioByGpu(model.trees, gpuIds)),
    tcUsedRatio: hasKernel ? tensorCoreUsedRatio(model.deviceNodes) : null,
    tcEligibleOpsKernelRatio: tcEligibleOpsKernelRatio(model.trees),
  };
}
