/**
 * Tensor Cores figures of the overview: the share of kernel time that ran on Tensor
 * Cores (per GPU and overall), and the share of operators' kernel time launched by the
 * innermost Tensor-Cores-eligible operators (what mixed precision could speed up).
 */
import { isOperatorNode } from '../../model/nodes.js';
import type { DeviceNode, OperatorNode, ThreadTree } from '../../model/types.js';

function* kernelsOf(node: OperatorNode): Generator<DeviceNode> {
  for (const rt of node.runtimes) {
    for (const d of rt.deviceNodes) if (d.type === 'Kernel') yield d;
  }
}

function* operators(node: OperatorNode): Generator<OperatorNode> {
  for (const child of node.children) yield* operators(child);
  if (isOperatorNode(node)) yield node;
}

/**
 * Per GPU id, the Tensor Cores share of the kernel time that operators launched; every
 * GPU of `gpuIds` gets an entry (0 when it ran none) when any kernel was launched, none otherwise.
 */
export function tensorCoreRatioByGpu(trees: readonly ThreadTree[], gpuIds: readonly number[]): Record<number, number> {
  const tc = new Map<number, number>();
  const total = new Map<number, number>();
  let any = false;
  for (const tree of trees) {
    for (const op of operators(tree.root)) {
      for (const k of kernelsOf(op)) {
        if (k.deviceId === undefined) continue;
        any = true;
        const dur = k.endTime - k.startTime;
        total.set(k.deviceId, (total.get(k.deviceId) ?? 0) + dur);
        if (k.tcUsed) tc.set(k.deviceId, (tc.get(k.deviceId) ?? 0) + dur);
      }
    }
  }
  const out: Record<number, number> = {};
  if (!any) return out;
  for (const id of gpuIds) {
    const t = total.get(id) ?? 0;
    out[id] = t > 0 ? (tc.get(id) ?? 0) / t : 0;
  }
  return out;
}

/** Tensor Cores kernels' share of all kernel time (every kernel), 0 when there are none. */
export function tensorCoreUsedRatio(deviceNodes: readonly DeviceNode[]): number {
  let total = 0;
  let tc = 0;
  for (const d of deviceNodes) {
    if (d.type !== 'Kernel') continue;
    const dur = d.endTime - d.startTime;
    total += dur;
    if (d.tcUsed) tc += dur;
  }
  return total > 0 ? tc / total : 0;
}

function bottomEligible(node: OperatorNode, out: OperatorNode[]): boolean {
  let below = false;
  for (const child of node.children) below = bottomEligible(child, out) || below;
  if (node.tcEligible && !below) {
    out.push(node);
    return true;
  }
  return below;
}

function selfKernelTime(nodes: Iterable<OperatorNode>): number {
  let sum = 0;
  for (const n of nodes) for (const k of kernelsOf(n)) sum += k.endTime - k.startTime;
  return sum;
}

/**
 * Kernel time launched by Tensor-Cores-eligible operators that have no eligible
 * operator below them, over the kernel time launched by all operators (0 when none).
 */
export function tcEligibleOpsKernelRatio(trees: readonly ThreadTree[]): number {
  const bottom: OperatorNode[] = [];
  const all: OperatorNode[] = [];
  for (const tree of trees) {
    bottomEligible(tree.root, bottom);
    for (const op of operators(tree.root)) all.push(op);
  }
  const denominator = selfKernelTime(all);
  return denominator > 0 ? selfKernelTime(bottom) / denominator : 0;
}
