/**
 * The operators and launched kernels under host nodes, in torch-tb-profiler's order:
 * a node's children's (recursively) first, then its own runtimes' kernels, then itself.
 * The order decides which group comes first among equal values in every table.
 */
import { isOperatorNode } from '../../model/nodes.js';
import type { DeviceNode, OperatorNode } from '../../model/types.js';

/** Operators and kernels found under (and including) some nodes. */
export interface Collected {
  readonly ops: OperatorNode[];
  readonly kernels: DeviceNode[];
}

/** Appends the operators and kernels of `node`'s subtree to `out` (iterative post-order). */
export function collectInto(node: OperatorNode, out: Collected): void {
  const stack: [OperatorNode, boolean][] = [[node, false]];
  while (stack.length > 0) {
    const [n, done] = stack.pop() as [OperatorNode, boolean];
    if (!done) {
      stack.push([n, true]);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i] as OperatorNode, false]);
      continue;
    }
    for (const rt of n.runtimes) for (const d of rt.deviceNodes) if (d.type === 'Kernel') out.kernels.push(d);
    if (isOperatorNode(n)) out.ops.push(n);
  }
}

/** The operators and kernels of several subtrees, in order. */
export function collect(nodes: Iterable<OperatorNode>): Collected {
  const out: Collected = { ops: [], kernels: [] };
  for (const n of nodes) collectInto(n, out);
  return out;
}
