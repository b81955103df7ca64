/**
 * One thread's operator tree: nesting by time containment (a sort and one sweep with a
 * stack), merging a node with an only child of the same name (as the autograd profiler
 * does), then the bottom-up statistics (self/total host and device times, Tensor Cores).
 * Every walk is iterative, so a pathologically deep trace cannot overflow the stack.
 */
import { byStartThenLongest, isOperatorNode, makeHostNode, nodeOrder } from './nodes.js';
import type { DeviceNode, OperatorNode, RuntimeNode } from './types.js';

/** Name of the synthetic root of each thread's tree. */
export const ROOT_NAME = 'CallTreeRoot';
/** Name of the synthetic runtime holding kernels whose launching runtime was not recorded. */
export const DUMMY_RUNTIME_NAME = 'dummy';

/**
 * Builds the tree of one thread.
 * @param ops the thread's host nodes (any order; sorted here, in place).
 * @param rootRuntimes runtimes attached to no operator (external id 0), given to the root.
 * @param staleDevices kernels whose runtime never appeared (main thread only): held by a 'dummy' runtime under the root.
 */
export function buildThreadTree(tid: number | string, ops: OperatorNode[], rootRuntimes: RuntimeNode[], staleDevices: DeviceNode[]): OperatorNode {
  ops.sort(nodeOrder);
  const root = makeHostNode({ name: ROOT_NAME, kind: 'root', type: 'Python', tid, startTime: Number.NEGATIVE_INFINITY, endTime: Number.POSITIVE_INFINITY });
  root.runtimes = [...rootRuntimes];
  if (staleDevices.length > 0) {
    root.runtimes.push({
      name: DUMMY_RUNTIME_NAME,
      tid: 0,
      startTime: null,
      endTime: null,
      externalId: undefined,
      correlationId: undefined,
      deviceNodes: [...staleDevices].sort(byStartThenLongest),
      deviceDuration: 0,
      tcDuration: 0,
    });
  }
  nest(root, ops);
  mergeSameNameChains(root);
  fillStats(root);
  const first = root.children[0];
  const last = root.children[root.children.length - 1];
  root.startTime = first ? first.startTime : 0;
  root.endTime = last ? last.endTime : 0;
  root.selfHostDuration = selfHostTime(root);
  return root;
}

/** Puts each node (sorted by start, longest first) under the innermost open node that contains it; a node that overlaps its would-be parent's end is dropped. */
function nest(root: OperatorNode, sorted: readonly OperatorNode[]): void {
  const stack: OperatorNode[] = [root];
  for (const node of sorted) {
    for (;;) {
      const tail = stack[stack.length - 1] as OperatorNode;
      if (node.startTime < tail.endTime) {
        if (node.endTime <= tail.endTime) {
          tail.children.push(node);
          stack.push(node);
        }
        break;
      }
      stack.pop();
    }
  }
}

/** A node whose only child is an operator of the same name takes over that child's children and runtimes. */
function mergeSameNameChains(root: OperatorNode): void {
  const todo: OperatorNode[] = [root];
  while (todo.length > 0) {
    const node = todo.pop() as OperatorNode;
    for (;;) {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (!only || only.name !== node.name || node.type !== 'Operator' || only.type !== 'Operator') break;
      node.children = only.children;
      node.runtimes = only.runtimes;
    }
    for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i] as OperatorNode);
  }
}

/** Adds a runtime's launched activities to it, tagging each with the launching operator. */
function fillRuntime(rt: RuntimeNode, op: OperatorNode): void {
  for (const d of rt.deviceNodes) {
    d.opName = op.name;
    d.opTcEligible = op.tcEligible;
    const dur = d.endTime - d.startTime;
    rt.deviceDuration += dur;
    if (d.tcUsed) rt.tcDuration += dur;
  }
}

/** Bottom-up statistics of every node under (and including) `root`. */
export function fillStats(root: OperatorNode): void {
  const stack: [OperatorNode, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, done] = stack.pop() as [OperatorNode, boolean];
    if (!done) {
      node.children.sort(nodeOrder);
      node.runtimes.sort(byStartThenLongest);
      stack.push([node, true]);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as OperatorNode, false]);
      continue;
    }
    for (const rt of node.runtimes) fillRuntime(rt, node);
    const isOp = node.type === 'Operator';
    for (const child of node.children) {
      node.deviceDuration += child.deviceDuration;
      node.tcTotalDuration += child.tcTotalDuration;
      if (isOp && child.tcEligible) node.tcEligible = true;
    }
    for (const rt of node.runtimes) {
      node.deviceDuration += rt.deviceDuration;
      node.selfDeviceDuration += rt.deviceDuration;
      node.tcSelfDuration += rt.tcDuration;
      node.tcTotalDuration += rt.tcDuration;
      if (isOp && rt.tcDuration > 0) node.tcEligible = true;
    }
    node.selfHostDuration = node.kind === 'root' ? 0 : selfHostTime(node);
    if (node.kind === 'module') node.selfDeviceDuration += childOperatorsDeviceTime(node);
  }
}

function childOperatorsDeviceTime(node: OperatorNode): number {
  let sum = 0;
  for (const c of node.children) if (isOperatorNode(c)) sum += c.deviceDuration;
  return sum;
}

/** Host time of `node` not covered by its children and runtimes. */
function selfHostTime(node: OperatorNode): number {
  let t = node.endTime - node.startTime;
  for (const c of node.children) t -= c.endTime - c.startTime;
  for (const rt of node.runtimes) if (rt.startTime !== null && rt.endTime !== null) t -= rt.endTime - rt.startTime;
  return t;
}
