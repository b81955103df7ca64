/**
 * The kernel view's answers: `kernel` (pie of time per kernel name), `kernel/table`
 * (per kernel name, or per kernel name and launching operator) and `kernel/tc_pie`.
 * Each is undefined when the trace has no kernels (the view does not exist then).
 */
import { pyRound } from '@tb/core/plugin';
import type { OpsProfile } from './types.js';

/** How the kernel table groups. */
export type KernelGroupBy = 'Kernel' | 'KernelNameAndOpName';

/** A table column. */
export interface Column {
  type: 'string' | 'number';
  name: string;
  tooltip?: string;
}

/** A pie without a title: `{ total: { columns, rows } }`. */
export interface TotalPie {
  total: { columns: Column[]; rows: [string, number][] };
}

/** The `kernel/table` answer. */
export interface KernelTable {
  metadata: { sort: string };
  data: { columns: Column[]; rows: (string | number)[][] };
}

const PIE_COLUMNS: Column[] = [{ type: 'string', name: 'name' }, { type: 'number', name: 'value' }];
const DURATION_COLUMNS = ['Calls', 'Total Duration (us)', 'Mean Duration (us)', 'Max Duration (us)', 'Min Duration (us)'];
const TIP_USES_TC = 'Whether the kernel runs on Tensor Cores.';
const TIP_OP_TC = 'Whether the operator that launched the kernel may run on Tensor Cores.';
const TIP_BLOCKS = 'Blocks per SM: the kernel\'s blocks divided by the GPU\'s multiprocessor count; below 1 some multiprocessors idle. The mean weighs each call by its duration.';
const TIP_OCCUPANCY = 'Estimated achieved occupancy: active warps per SM over the most an SM supports (higher is usually better). The mean weighs each call by its duration.';

function metricColumns(p: OpsProfile): Column[] {
  const cols: Column[] = [];
  if (p.hasBlocksPerSm) cols.push({ type: 'number', name: 'Mean Blocks Per SM', tooltip: TIP_BLOCKS });
  if (p.hasOccupancy) cols.push({ type: 'number', name: 'Mean Est. Achieved Occupancy (%)', tooltip: TIP_OCCUPANCY });
  return cols;
}

const weightedMean = (weighted: number, total: number): number => (total > 0 ? weighted / total : 0);

/** The `kernel` answer (total time per kernel name, longest first); `_groupBy` is accepted and, as in torch-tb-profiler, changes nothing. */
export function kernelPie(p: OpsProfile, _groupBy?: string): TotalPie | undefined {
  if (!p.hasKernel) return undefined;
  return { total: { columns: PIE_COLUMNS.map((c) => ({ ...c })), rows: p.kernelsByName.map((k): [string, number] => [k.name, k.sum]) } };
}

/** The `kernel/table` answer; any group_by but 'Kernel' groups by kernel name and operator (the default). */
export function kernelTable(p: OpsProfile, groupBy?: string): KernelTable | undefined {
  if (!p.hasKernel) return undefined;
  const metrics = metricColumns(p);
  const numberCols = DURATION_COLUMNS.map((name): Column => ({ type: 'number', name }));
  if (groupBy === 'Kernel') {
    const columns: Column[] = [{ type: 'string', name: 'Name' }, { type: 'string', name: 'Tensor Cores Used', tooltip: TIP_USES_TC }, ...numberCols, ...metrics];
    const rows = p.kernelsByName.map((k) => {
      const row: (string | number)[] = [k.name, k.tcUsed ? 'Yes' : 'No', k.count, pyRound(k.sum), pyRound(k.sum / k.count), pyRound(k.max), pyRound(k.min)];
      if (p.hasBlocksPerSm) row.push(pyRound(weightedMean(k.blocksPerSmWeighted, k.sum), 2));
      if (p.hasOccupancy) row.push(pyRound(weightedMean(k.occupancyWeighted, k.sum), 2));
      return row;
    });
    return { metadata: { sort: 'Total Duration (us)' }, data: { columns, rows } };
  }
  const columns: Column[] = [
    { type: 'string', name: 'Name' },
    { type: 'string', name: 'Operator' },
    { type: 'string', name: 'Grid' },
    { type: 'string', name: 'Block' },
    { type: 'number', name: 'Register Per Thread' },
    { type: 'number', name: 'Shared Memory' },
    { type: 'string', name: 'Kernel Uses Tensor Cores', tooltip: TIP_USES_TC },
    { type: 'string', name: 'Op is Tensor Cores eligible', tooltip: TIP_OP_TC },
    ...numberCols,
    ...metrics,
  ];
  const sorted = [...p.kernelsByNameOp].sort((a, b) => b.totalDuration - a.totalDuration);
  const rows = sorted.map((k) => {
    const row: (string | number)[] = [
      k.name, k.opName, k.grid, k.block, k.regsPerThread, k.sharedMemory,
      k.tcUsed ? 'Yes' : 'No', k.opTcEligible ? 'Yes' : 'No',
      k.calls, k.totalDuration, pyRound(k.totalDuration / k.calls), k.maxDuration, k.minDuration,
    ];
    if (p.hasBlocksPerSm) row.push(pyRound(weightedMean(k.blocksPerSmWeighted, k.totalDuration), 2));
    if (p.hasOccupancy) row.push(pyRound(weightedMean(k.occupancyWeighted, k.totalDuration), 2));
    return row;
  });
  return { metadata: { sort: 'Total Duration (us)' }, data: { columns, rows } };
}

/** The `kernel/tc_pie` answer: the share of kernel time on Tensor Cores and the rest. */
export function tensorCorePie(p: OpsProfile): TotalPie | undefined {
  if (!p.hasKernel) return undefined;
  return { total: { columns: PIE_COLUMNS.map((c) => ({ ...c })), rows: [['Using Tensor Cores', p.tcUsedRatio], ['Not Using Tensor Cores', 1 - p.tcUsedRatio]] } };
}
