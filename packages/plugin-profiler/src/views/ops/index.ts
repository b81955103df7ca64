/**
 * The operator, kernel, tree, diff and module views of torch-tb-profiler: build an
 * {@link OpsProfile} once per profile with `buildOpsProfile`, then answer each request
 * with the small functions below (pure; undefined where torch-tb-profiler answers 404/500).
 */
export { buildOpsProfile } from './build.js';
export { operationPie, operationTable, operationStack } from './operation.js';
export type { OpGroupBy, OperationPies, OperationRow, OperationTable, PieChart } from './operation.js';
export { kernelPie, kernelTable, tensorCorePie } from './kernel.js';
export type { Column, KernelGroupBy, KernelTable, TotalPie } from './kernel.js';
export { opTree } from './tree.js';
export type { OpTreeJson } from './tree.js';
export { diff, diffNode } from './diff.js';
export type { DiffJson, DiffNodeJson, DiffOpAgg, DiffSideJson } from './diff.js';
export { moduleView } from './module.js';
export type { KernelOpAgg, KernelStat, ModuleStats, OpAgg, OpsProfile, OpTreeNode } from './types.js';
