/**
 * `buildOpsProfile`: everything the operator, kernel, tree, diff and module routes need,
 * computed once from a model.
 */
import type { ProfileModel } from '../../model/types.js';
import { aggregateKernelsByName, aggregateKernelsByOp, aggregateOps } from './aggregate.js';
import { collect } from './collect.js';
import { moduleStatsOf } from './module.js';
import { compactTree } from './tree.js';
import type { OpAgg, OpsProfile } from './types.js';

/** A record without a prototype (operator names like `__proto__` stay plain keys). */
function bare(src: Record<string, OpAgg[]>): Record<string, OpAgg[]> {
  const out = Object.create(null) as Record<string, OpAgg[]>;
  for (const k of Object.keys(src)) out[k] = src[k] as OpAgg[];
  return out;
}

/** Precomputes the operator / kernel / tree data of a profile (plain, structured-cloneable). */
export function buildOpsProfile(model: ProfileModel): OpsProfile {
  const { ops, kernels } = collect(model.trees.map((t) => t.root));
  const groups = aggregateOps(ops);
  const allKernels = model.deviceNodes.filter((d) => d.type === 'Kernel');
  let tcTime = 0;
  let kernelTime = 0;
  let hasBlocksPerSm = false;
  let hasOccupancy = false;
  for (const k of allKernels) {
    const dur = k.endTime - k.startTime;
    kernelTime += dur;
    if (k.tcUsed) tcTime += dur;
    if (k.deviceId !== undefined) {
      if (k.blocksPerSm !== undefined && k.blocksPerSm > 0) hasBlocksPerSm = true;
      if (k.occupancy !== undefined && k.occupancy >= 0) hasOccupancy = true;
    }
  }
  const first = model.trees[0];
  return {
    showGpu: model.hasKernel || model.hasMemcpyOrMemset,
    hasKernel: model.hasKernel,
    opsByName: groups.byName,
    opsByNameInput: groups.byNameInput,
    stacksByName: bare(groups.stacksByName),
    stacksByNameInput: bare(groups.stacksByNameInput),
    kernelsByNameOp: aggregateKernelsByOp(kernels),
    kernelsByName: aggregateKernelsByName(allKernels),
    hasBlocksPerSm,
    hasOccupancy,
    tcUsedRatio: kernelTime > 0 ? tcTime / kernelTime : 0,
    tree: first ? compactTree(first.root) : undefined,
    modules: moduleStatsOf(model),
  };
}
