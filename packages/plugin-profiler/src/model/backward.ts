/**
 * Backward modules: when a trace has nn.Module events and forward→backward flow events
 * (`cat: "fwdbwd"`), each module gets a `<module>.backward` node that gathers the backward
 * operators (`autograd::engine::evaluate_function: ...` roots) of the forward operators it
 * ran. Those roots leave their place in the tree and the backward modules are inserted
 * into the main thread's tree where they fall in time.
 */
import { isOperatorNode, makeHostNode, nodeOrder } from './nodes.js';
import type { OperatorNode, ThreadTree } from './types.js';

const BACKWARD_PREFIX = 'autograd::engine::evaluate_function:';
const ACCUMULATE_GRAD = 'autograd::engine::evaluate_function: torch::autograd::AccumulateGrad';

/** The thread the backward modules go to: the step thread, else the longest one that does not run the backward pass. */
function mainThread(trees: readonly ThreadTree[], stepTid: number | string | undefined): ThreadTree | undefined {
  if (stepTid !== undefined) return trees.find((t) => t.tid === stepTid);
  if (trees.length <= 1) return trees[0];
  const backwardTree = trees.find((t) => t.root.children.some((c) => c.name.startsWith(BACKWARD_PREFIX)));
  let best: ThreadTree | undefined;
  for (const t of trees) {
    if (t === backwardTree) continue;
    if (!best || t.root.endTime - t.root.startTime > best.root.endTime - best.root.startTime) best = t;
  }
  return best;
}

/** Top-level modules (under a root or a step) and the backward roots beside them, which are detached. */
function takeModulesAndBackwardRoots(trees: readonly ThreadTree[]): { modules: OperatorNode[]; backward: OperatorNode[] } {
  const modules: OperatorNode[] = [];
  const byParent = new Map<OperatorNode, OperatorNode[]>();
  for (const t of trees) {
    const todo: [OperatorNode, OperatorNode][] = t.root.children.map((c) => [t.root, c]);
    for (let i = 0; i < todo.length; i++) {
      const [parent, node] = todo[i] as [OperatorNode, OperatorNode];
      if (node.kind === 'module') modules.push(node);
      else if (node.kind === 'profilerStep') for (const c of node.children) todo.push([node, c]);
      else if (node.name.startsWith(BACKWARD_PREFIX)) {
        const list = byParent.get(parent);
        if (list) list.push(node);
        else byParent.set(parent, [node]);
      }
    }
  }
  const backward: OperatorNode[] = [];
  if (modules.length === 0) return { modules, backward };
  for (const [parent, nodes] of byParent) {
    const drop = new Set(nodes);
    parent.children = parent.children.filter((c) => !drop.has(c));
    backward.push(...nodes);
  }
  return { modules, backward };
}

/** Forward op start → the backward roots (with their trailing AccumulateGrad roots) its flow leads to. */
function backwardRootsByForward(backward: readonly OperatorNode[], flows: readonly (readonly [number, number])[]): Map<number, OperatorNode[]> {
  const parentByStart = new Map<number, OperatorNode>();
  const todo = [...backward];
  while (todo.length > 0) {
    const n = todo.pop() as OperatorNode;
    for (const c of n.children) {
      if (!parentByStart.has(c.startTime)) parentByStart.set(c.startTime, n);
      todo.push(c);
    }
  }
  const groups = new Map<OperatorNode, OperatorNode[]>();
  let last: OperatorNode[] | undefined;
  for (const n of backward) {
    if (n.name === ACCUMULATE_GRAD && last) last.push(n);
    else groups.set(n, (last = [n]));
  }
  const out = new Map<number, OperatorNode[]>();
  for (const [fwd, bwd] of flows) {
    let p = parentByStart.get(bwd);
    for (let guard = 0; p && !p.name.startsWith(BACKWARD_PREFIX) && guard < 100_000; guard++) p = parentByStart.get(p.startTime);
    const group = p ? groups.get(p) : undefined;
    if (p && group) {
      groups.delete(p);
      out.set(fwd, group);
    }
  }
  return out;
}

/** Statistics of a backward module from its (already filled) children; it spans them. */
function fillBackward(node: OperatorNode): void {
  node.children.sort(nodeOrder);
  node.startTime = (node.children[0] as OperatorNode).startTime;
  node.endTime = (node.children[node.children.length - 1] as OperatorNode).endTime;
  let self = node.endTime - node.startTime;
  for (const c of node.children) {
    node.deviceDuration += c.deviceDuration;
    self -= c.endTime - c.startTime;
    node.tcTotalDuration += c.tcTotalDuration;
    if (c.tcEligible) node.tcEligible = true;
  }
  node.selfHostDuration = self;
}

/** Builds `<module>.backward` nodes for `module` and its submodules (post-order), adding top ones to `out`. */
function buildBackwardModules(module: OperatorNode, roots: Map<number, OperatorNode[]>, out: OperatorNode[]): void {
  type Frame = { node: OperatorNode; parent: OperatorNode | undefined; own: OperatorNode | undefined; next: number };
  const open = (node: OperatorNode, parent: OperatorNode | undefined): Frame => {
    if (node.kind !== 'module') return { node, parent, own: undefined, next: 0 };
    const own = makeHostNode({ name: `${node.name}.backward`, kind: 'backward', type: 'backward', tid: node.tid, startTime: node.startTime, endTime: node.endTime });
    (parent ? parent.children : out).push(own);
    return { node, parent: own, own, next: 0 };
  };
  const stack: Frame[] = [open(module, undefined)];
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as Frame;
    if (f.next < f.node.children.length) {
      const child = f.node.children[f.next++] as OperatorNode;
      if (f.parent && isOperatorNode(child)) {
        const ops = roots.get(child.startTime);
        if (ops) f.parent.children.push(...ops);
      }
      stack.push(open(child, f.parent));
      continue;
    }
    stack.pop();
    if (f.own && f.own.children.length > 0) {
      fillBackward(f.own);
      Object.assign(f.own, { tid: (f.own.children[0] as OperatorNode).tid });
    }
  }
}

/** Inserts time-sorted modules into `root`'s tree under the deepest node they overlap; a module outside the tree is dropped. */
function insertModules(root: OperatorNode, modules: OperatorNode[]): void {
  modules.sort(nodeOrder);
  const stack: [OperatorNode, number][] = [];
  let current: OperatorNode | undefined = root;
  let index = 0;
  let m = 0;
  while (m < modules.length) {
    const mod = modules[m] as OperatorNode;
    if (!current || mod.endTime < current.startTime) {
      m++;
      continue;
    }
    if (mod.startTime > current.endTime) {
      const up = stack.pop();
      if (up) [current, index] = [up[0], up[1] + 1];
      else current = undefined;
      continue;
    }
    while (index < current.children.length) {
      const c = current.children[index] as OperatorNode;
      if (mod.endTime < c.startTime) break;
      if (mod.startTime >= c.endTime) index++;
      else {
        stack.push([current, index]);
        current = c;
        index = 0;
      }
    }
    current.children.splice(index, 0, mod);
    index++;
    m++;
  }
}

/**
 * Rebuilds the backward pass per module when the trace has modules and forward→backward
 * flows. Returns the trees (those left without children are dropped when it applies).
 */
export function attachBackwardModules(trees: ThreadTree[], stepTid: number | string | undefined, flows: readonly (readonly [number, number])[]): ThreadTree[] {
  if (flows.length === 0 || trees.length === 0) return trees;
  const main = mainThread(trees, stepTid);
  const { modules, backward } = takeModulesAndBackwardRoots(trees);
  if (modules.length === 0 || backward.length === 0 || !main) return trees;
  const roots = backwardRootsByForward(backward, flows);
  const built: OperatorNode[] = [];
  if (roots.size > 0) for (const mod of modules) buildBackwardModules(mod, roots, built);
  insertModules(main.root, built);
  return trees.filter((t) => t.root.children.length > 0);
}
