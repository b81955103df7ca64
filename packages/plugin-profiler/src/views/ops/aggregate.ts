/**
 * Operator and kernel aggregation: sums per group key, groups in first-seen order.
 */
import { pyStr } from '../../model/py-repr.js';
import type { DeviceNode, OperatorNode } from '../../model/types.js';
import type { KernelOpAgg, KernelStat, OpAgg } from './types.js';

/** Separator of composite keys (name###shape###stack), as torch-tb-profiler's keys. */
export const KEY_SEP = '###';

/** Adds `op` to the group `key` of `groups`, creating the group from `op` when new. */
function addOp(groups: Map<string, OpAgg>, key: string, op: OperatorNode, withStack: boolean): void {
  let agg = groups.get(key);
  if (!agg) {
    agg = {
      name: op.name,
      inputShape: op.inputShapeKey,
      ...(withStack && op.callStack ? { callStack: op.callStack } : {}),
      calls: 0,
      hostDuration: 0,
      deviceDuration: 0,
      selfHostDuration: 0,
      selfDeviceDuration: 0,
      tcEligible: op.tcEligible,
      tcSelfDuration: 0,
      tcTotalDuration: 0,
    };
    groups.set(key, agg);
  }
  agg.calls += 1;
  agg.hostDuration += op.endTime - op.startTime;
  agg.deviceDuration += op.deviceDuration;
  agg.selfHostDuration += op.selfHostDuration;
  agg.selfDeviceDuration += op.selfDeviceDuration;
  agg.tcSelfDuration += op.tcSelfDuration;
  agg.tcTotalDuration += op.tcTotalDuration;
}

/** Operators grouped by name, in first-seen order. */
export function aggregateByName(ops: readonly OperatorNode[]): OpAgg[] {
  const groups = new Map<string, OpAgg>();
  for (const op of ops) addOp(groups, op.name, op, false);
  return [...groups.values()];
}

/** The four operator groupings of the operator view. */
export interface OpGroupings {
  readonly byName: OpAgg[];
  readonly byNameInput: OpAgg[];
  /** Call-stack groups (only those with a stack), by name. */
  readonly stacksByName: Record<string, OpAgg[]>;
  /** Call-stack groups (only those with a stack), by `${name}###${inputShape}`. */
  readonly stacksByNameInput: Record<string, OpAgg[]>;
}

/** Groups operators by name, name + input shape, and those two with the call stack. */
export function aggregateOps(ops: readonly OperatorNode[]): OpGroupings {
  const byName = new Map<string, OpAgg>();
  const byNameInput = new Map<string, OpAgg>();
  const byNameStack = new Map<string, OpAgg>();
  const byNameInputStack = new Map<string, OpAgg>();
  // Call stacks are long: key groups by a small id per distinct stack instead of the text.
  const stackIds = new Map<string | null, number>();
  for (const op of ops) {
    let stack = stackIds.get(op.callStack);
    if (stack === undefined) stackIds.set(op.callStack, (stack = stackIds.size));
    const nameShape = op.name + KEY_SEP + op.inputShapeKey;
    addOp(byName, op.name, op, false);
    addOp(byNameInput, nameShape, op, false);
    addOp(byNameStack, op.name + KEY_SEP + stack, op, true);
    addOp(byNameInputStack, nameShape + KEY_SEP + stack, op, true);
  }
  const stacksByName: Record<string, OpAgg[]> = {};
  for (const agg of byNameStack.values()) if (agg.callStack) (stacksByName[agg.name] ??= []).push(agg);
  const stacksByNameInput: Record<string, OpAgg[]> = {};
  for (const agg of byNameInputStack.values()) if (agg.callStack) (stacksByNameInput[agg.name + KEY_SEP + agg.inputShape] ??= []).push(agg);
  return { byName: [...byName.values()], byNameInput: [...byNameInput.values()], stacksByName, stacksByNameInput };
}

const numOr0 = (v: number | undefined): number => (v === undefined ? 0 : v);
/** Python's `str(x or '0')`. */
const strOr0 = (v: unknown): string => (v === undefined || v === null || v === 0 || v === '' || v === false ? '0' : pyStr(v));

/** Kernels launched by operators, grouped by name, operator, grid, block, registers and shared memory. */
export function aggregateKernelsByOp(kernels: readonly DeviceNode[]): KernelOpAgg[] {
  const groups = new Map<string, KernelOpAgg>();
  for (const k of kernels) {
    const dur = k.endTime - k.startTime;
    const opName = k.opName ?? 'N/A';
    const grid = pyStr(k.grid);
    const block = pyStr(k.block);
    const regs = strOr0(k.regsPerThread);
    const smem = strOr0(k.sharedMemory);
    const key = [k.name, opName, grid, block, regs, smem].join(KEY_SEP);
    let agg = groups.get(key);
    if (!agg) {
      agg = { name: k.name, opName, grid, block, regsPerThread: regs, sharedMemory: smem, tcUsed: k.tcUsed, opTcEligible: k.opTcEligible, calls: 0, totalDuration: 0, minDuration: Number.POSITIVE_INFINITY, maxDuration: 0, blocksPerSmWeighted: 0, occupancyWeighted: 0 };
      groups.set(key, agg);
    }
    agg.calls += 1;
    agg.totalDuration += dur;
    agg.minDuration = Math.min(agg.minDuration, dur);
    agg.maxDuration = Math.max(agg.maxDuration, dur);
    agg.blocksPerSmWeighted += numOr0(k.blocksPerSm) * dur;
    agg.occupancyWeighted += numOr0(k.occupancy) * dur;
  }
  return [...groups.values()];
}

/** Every kernel grouped by name, sorted by total time (longest first, then by name). */
export function aggregateKernelsByName(kernels: readonly DeviceNode[]): KernelStat[] {
  const groups = new Map<string, KernelStat>();
  for (const k of kernels) {
    const dur = k.endTime - k.startTime;
    let s = groups.get(k.name);
    if (!s) {
      s = { name: k.name, tcUsed: k.tcUsed, count: 0, sum: 0, max: Number.NEGATIVE_INFINITY, min: Number.POSITIVE_INFINITY, blocksPerSmWeighted: 0, occupancyWeighted: 0 };
      groups.set(k.name, s);
    }
    s.count += 1;
    s.sum += dur;
    s.max = Math.max(s.max, dur);
    s.min = Math.min(s.min, dur);
    s.blocksPerSmWeighted += numOr0(k.blocksPerSm) * dur;
    s.occupancyWeighted += numOr0(k.occupancy) * dur;
  }
  return [...groups.values()].sort((a, b) => b.sum - a.sum || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
