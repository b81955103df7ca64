/**
 * The operator view's answers: `operation` (four pies), `operation/table` and
 * `operation/stack` (the call-stack groups of one operator).
 */
import { pyRound } from '@tb/core/plugin';
import { KEY_SEP } from './aggregate.js';
import type { OpAgg, OpsProfile } from './types.js';

/** How the operator view groups: by name, or by name and input shape. */
export type OpGroupBy = 'Operation' | 'OperationAndInputShape';

/** A pie chart: title, the two columns, and [name, value] rows (largest first). */
export interface PieChart {
  title: string;
  columns: { type: string; name: string }[];
  rows: [string, number][];
}

/** The `operation` answer: each chart is null when it has no non-zero value. */
export interface OperationPies {
  device_total_time: PieChart | null;
  device_self_time: PieChart | null;
  host_total_time: PieChart | null;
  host_self_time: PieChart | null;
}

/** One row of the operator table. */
export interface OperationRow {
  name: string;
  input_shape?: string;
  calls: number;
  device_self_duration?: number;
  device_total_duration?: number;
  host_self_duration: number;
  host_total_duration: number;
  tc_eligible: 'Yes' | 'No';
  tc_self_ratio: number;
  tc_total_ratio: number;
  has_call_stack?: boolean;
  call_stack?: string;
}

/** The `operation/table` and `operation/stack` answer. */
export interface OperationTable {
  metadata: { sort: string; tooltips: { tc_eligible: string; tc_self_ratio: string; tc_total_ratio: string } };
  data: OperationRow[];
}

const TOOLTIPS = {
  tc_eligible: 'Whether this operator may run on Tensor Cores.',
  tc_self_ratio: 'Share of the time of kernels launched by this operator itself that ran on Tensor Cores.',
  tc_total_ratio: 'Share of the time of all kernels launched by this operator and its children that ran on Tensor Cores.',
};

const byInput = (g: string | undefined): boolean => g === 'OperationAndInputShape';
const opsOf = (p: OpsProfile, groupBy: string | undefined): OpAgg[] => (byInput(groupBy) ? p.opsByNameInput : p.opsByName);

function pie(title: string, ops: readonly OpAgg[], value: (o: OpAgg) => number): PieChart | null {
  const rows: [string, number][] = [];
  for (const o of ops) if (value(o) > 0) rows.push([o.name, value(o)]);
  if (rows.length === 0) return null;
  rows.sort((a, b) => b[1] - a[1]);
  return { title, columns: [{ type: 'string', name: 'name' }, { type: 'number', name: 'value' }], rows };
}

/** The `operation` answer (any group_by but OperationAndInputShape groups by name). */
export function operationPie(p: OpsProfile, groupBy?: string): OperationPies {
  const ops = opsOf(p, groupBy);
  return {
    device_total_time: pie('Device Total Time (us)', ops, (o) => o.deviceDuration),
    device_self_time: pie('Device Self Time (us)', ops, (o) => o.selfDeviceDuration),
    host_total_time: pie('Host Total Time (us)', ops, (o) => o.hostDuration),
    host_self_time: pie('Host Self Time (us)', ops, (o) => o.selfHostDuration),
  };
}

function table(p: OpsProfile, ops: readonly OpAgg[], withInput: boolean, stackRows: boolean): OperationTable {
  const gpu = p.showGpu;
  const stacks = withInput ? p.stacksByNameInput : p.stacksByName;
  const sorted = [...ops].sort((a, b) => (gpu ? b.selfDeviceDuration - a.selfDeviceDuration : b.selfHostDuration - a.selfHostDuration));
  const data = sorted.map((o): OperationRow => {
    const row: OperationRow = {
      name: o.name,
      ...(withInput ? { input_shape: o.inputShape } : {}),
      calls: o.calls,
      ...(gpu ? { device_self_duration: pyRound(o.selfDeviceDuration), device_total_duration: pyRound(o.deviceDuration) } : {}),
      host_self_duration: pyRound(o.selfHostDuration),
      host_total_duration: pyRound(o.hostDuration),
      tc_eligible: o.tcEligible ? 'Yes' : 'No',
      tc_self_ratio: pyRound(100 * (o.selfDeviceDuration > 0 ? o.tcSelfDuration / o.selfDeviceDuration : 0), 2),
      tc_total_ratio: pyRound(100 * (o.deviceDuration > 0 ? o.tcTotalDuration / o.deviceDuration : 0), 2),
    };
    if (stackRows) row.call_stack = o.callStack ?? '';
    else row.has_call_stack = Object.hasOwn(stacks, withInput ? o.name + KEY_SEP + o.inputShape : o.name);
    return row;
  });
  return { metadata: { sort: gpu ? 'device_self_duration' : 'host_self_duration', tooltips: { ...TOOLTIPS } }, data };
}

/** The `operation/table` answer. */
export function operationTable(p: OpsProfile, groupBy?: string): OperationTable {
  return table(p, opsOf(p, groupBy), byInput(groupBy), false);
}

/**
 * The `operation/stack` answer: the operator's groups by call stack (and input shape when
 * grouping by it). undefined when no such operator has a recorded call stack.
 */
export function operationStack(p: OpsProfile, groupBy: string | undefined, opName: string, inputShape?: string): OperationTable | undefined {
  const withInput = byInput(groupBy);
  const stacks = withInput ? p.stacksByNameInput : p.stacksByName;
  const key = withInput ? `${opName}${KEY_SEP}${inputShape ?? 'None'}` : opName;
  if (!Object.hasOwn(stacks, key)) return undefined;
  return table(p, stacks[key] as OpAgg[], withInput, true);
}
