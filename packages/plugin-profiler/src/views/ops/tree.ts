/**
 * The operator tree route: the first thread's tree as torch-tb-profiler answers it
 * (`{ name, start_time, end_time, type, tid, children }`, recursively).
 */
import { isOperatorNode } from '../../model/nodes.js';
import type { OperatorNode } from '../../model/types.js';
import type { OpTreeNode, OpsProfile } from './types.js';

/** The compact copy of a model subtree kept in an {@link OpsProfile} (iterative; children in order). */
export function compactTree(root: OperatorNode): OpTreeNode {
  const make = (n: OperatorNode): OpTreeNode => ({
    name: n.name,
    kind: n.kind,
    type: n.type,
    tid: n.tid,
    startTime: n.startTime,
    endTime: n.endTime,
    deviceDuration: n.deviceDuration,
    selfHostDuration: n.selfHostDuration,
    selfDeviceDuration: n.selfDeviceDuration,
    isOperator: isOperatorNode(n),
    children: [],
  });
  const out = make(root);
  const todo: [OperatorNode, OpTreeNode][] = [[root, out]];
  while (todo.length > 0) {
    const [src, dst] = todo.pop() as [OperatorNode, OpTreeNode];
    for (const c of src.children) {
      const copy = make(c);
      dst.children.push(copy);
      todo.push([c, copy]);
    }
  }
  return out;
}

/** One node of the tree answer. */
export interface OpTreeJson {
  name: string;
  start_time: number;
  end_time: number;
  type: string;
  tid: number | string;
  children: OpTreeJson[];
}

/** The `tree` answer; undefined when the profile has no operator tree. */
export function opTree(p: OpsProfile): OpTreeJson | undefined {
  if (!p.tree) return undefined;
  const make = (n: OpTreeNode): OpTreeJson => ({ name: n.name, start_time: n.startTime, end_time: n.endTime, type: n.type, tid: n.tid, children: [] });
  const out = make(p.tree);
  const todo: [OpTreeNode, OpTreeJson][] = [[p.tree, out]];
  while (todo.length > 0) {
    const [src, dst] = todo.pop() as [OpTreeNode, OpTreeJson];
    for (const c of src.children) {
      const copy = make(c);
      dst.children.push(copy);
      todo.push([c, copy]);
    }
  }
  return out;
}
