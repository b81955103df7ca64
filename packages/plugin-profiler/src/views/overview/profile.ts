/**
 * Everything the overview answers for one profile, computed once from the analysis
 * model: the per-step breakdown, its average, the GPU figures and torch's
 * recommendations. Plain data, so it crosses a worker boundary by structured clone.
 */
import type { ProfileModel } from '../../model/types.js';
import { buildGpuProfile, type GpuProfile, type GpuSource } from '../gpu/profile.js';
import { computeBreakdown, type StepCosts, type StepTimeline } from './breakdown.js';
import { torchRecommendations, type RecommendationSource } from './recommendations.js';

/** What the overview reads of the analysis model. */
export type OverviewSource = StepTimeline & GpuSource & RecommendationSource
  & Pick<ProfileModel, 'hasKernel' | 'hasRuntime' | 'hasMemcpyOrMemset' | 'hasCommunication'>;

/** The overview of one profile. */
export interface OverviewProfile {
  /** One entry per step, in step order. */
  readonly steps: { readonly name: string; readonly costs: StepCosts }[];
  /** The average step. */
  readonly average: StepCosts;
  /** torch's is_gpu_used: the trace has runtimes, kernels, memcpys or memsets. */
  readonly usesGpu: boolean;
  readonly hasCommunication: boolean;
  readonly gpu: GpuProfile;
  /** torch's recommendations, html. */
  readonly recommendationsHtml: string[];
}

/** Builds the overview of `model`. */
export function buildOverviewProfile(model: OverviewSource): OverviewProfile {
  const breakdown = computeBreakdown(model);
  const gpu = buildGpuProfile(model);
  return {
    steps: model.steps.map((s, i) => ({ name: s.name, costs: breakdown.steps[i]! })),
    average: breakdown.average,
    usesGpu: model.hasRuntime || model.hasKernel || model.hasMemcpyOrMemset,
    hasCommunication: model.hasCommunication,
    gpu,
    recommendationsHtml: torchRecommendations(model, breakdown.average, gpu),
  };
}
