/**
 * Run comparison (the `diff` and `diffnode` routes): the two runs' first-thread trees are
 * aligned on their "run nodes" (profiler steps' children that are data-loader, optimizer,
 * module, backward or step nodes), matched in order by (kind, name); the stretches between
 * matches become composite nodes, recursively.
 */
import type { HostNodeKind } from '../../model/types.js';
import type { OpTreeNode, OpsProfile } from './types.js';

const RUN_NODE_KINDS: ReadonlySet<HostNodeKind> = new Set(['backward', 'dataLoader', 'module', 'optimizer', 'profilerStep']);

/** One side of a diff node: nothing, one host node, or a run of sibling nodes. */
type Side = { readonly nodes: readonly OpTreeNode[]; readonly single: boolean };

/** Operators of one side aggregated by name. */
export interface DiffOpAgg {
  name: string;
  calls: number;
  host_duration: number;
  device_duration: number;
  self_host_duration: number;
  self_device_duration: number;
}

/** One side's statistics. */
export interface DiffSideJson {
  name: string;
  duration: number;
  device_duration: number;
  total_duration: number;
  aggs: DiffOpAgg[];
}

/** A node of the `diff` answer. */
export interface DiffJson {
  left: DiffSideJson;
  right: DiffSideJson;
  children: DiffJson[];
}

/** The `diffnode` answer: one node and its direct children, each with its path. */
export interface DiffNodeJson {
  left: DiffSideJson;
  right: DiffSideJson;
  path: string;
  children: (DiffSideJsonPair & { path: string })[];
}

/** A node's two sides. */
export interface DiffSideJsonPair {
  left: DiffSideJson;
  right: DiffSideJson;
}

interface DiffTree {
  readonly left: Side;
  readonly right: Side;
  readonly children: DiffTree[];
}

const sideOf = (nodes: readonly OpTreeNode[]): Side => ({ nodes, single: nodes.length === 1 });

function makeNode(left: readonly OpTreeNode[], right: readonly OpTreeNode[]): DiffTree {
  const node: DiffTree = { left: sideOf(left), right: sideOf(right), children: [] };
  if (left.length === 0 || right.length === 0) return node;
  if (node.left.single && node.right.single) node.children.push(...matchSiblings((left[0] as OpTreeNode).children, (right[0] as OpTreeNode).children));
  else if (!node.left.single && !node.right.single) node.children.push(...matchSiblings(left, right));
  return node;
}

/** Aligns two sibling lists on their run nodes; no match → no children. */
function matchSiblings(left: readonly OpTreeNode[], right: readonly OpTreeNode[]): DiffTree[] {
  const pairs: [number, number][] = [];
  let from = 0;
  left.forEach((l, i) => {
    if (!RUN_NODE_KINDS.has(l.kind)) return;
    for (let j = from; j < right.length; j++) {
      const r = right[j] as OpTreeNode;
      if (r.kind === l.kind && r.name === l.name) {
        pairs.push([i, j]);
        from = j + 1;
        return;
      }
    }
  });
  if (pairs.length === 0) return [];
  const out: DiffTree[] = [];
  let li = 0;
  let ri = 0;
  for (const [l, r] of pairs) {
    if (l > li || r > ri) out.push(makeNode(left.slice(li, l), right.slice(ri, r)));
    out.push(makeNode([left[l] as OpTreeNode], [right[r] as OpTreeNode]));
    li = l + 1;
    ri = r + 1;
  }
  if (li < left.length || ri < right.length) out.push(makeNode(left.slice(li), right.slice(ri)));
  return out;
}

/** The nodes a run's diff starts from: the profiler steps' children, else the root's children. */
function topNodes(p: OpsProfile): OpTreeNode[] {
  const root = p.tree;
  if (!root) return [];
  const steps = root.children.filter((c) => c.kind === 'profilerStep');
  return steps.length === 0 ? [...root.children] : steps.flatMap((s) => s.children);
}

function aggregate(nodes: readonly OpTreeNode[]): DiffOpAgg[] {
  const groups = new Map<string, DiffOpAgg>();
  const stack: [OpTreeNode, boolean][] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push([nodes[i] as OpTreeNode, false]);
  while (stack.length > 0) {
    const [n, done] = stack.pop() as [OpTreeNode, boolean];
    if (!done) {
      stack.push([n, true]);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i] as OpTreeNode, false]);
      continue;
    }
    if (!n.isOperator) continue;
    let g = groups.get(n.name);
    if (!g) {
      g = { name: n.name, calls: 0, host_duration: 0, device_duration: 0, self_host_duration: 0, self_device_duration: 0 };
      groups.set(n.name, g);
    }
    g.calls += 1;
    g.host_duration += n.endTime - n.startTime;
    g.device_duration += n.deviceDuration;
    g.self_host_duration += n.selfHostDuration;
    g.self_device_duration += n.selfDeviceDuration;
  }
  return [...groups.values()];
}

function sideJson(side: Side): DiffSideJson {
  const nodes = side.nodes;
  let duration = 0;
  let device = 0;
  let total = 0;
  for (const n of nodes) {
    const d = n.endTime - n.startTime;
    duration += d;
    device += n.deviceDuration;
    total += n.deviceDuration || d;
  }
  const name = nodes.length === 0 ? 'Blank' : side.single ? (nodes[0] as OpTreeNode).name : 'CompositeNodes';
  return { name, duration, device_duration: device, total_duration: total, aggs: aggregate(nodes) };
}

function diffTree(base: OpsProfile, exp: OpsProfile): DiffTree {
  return makeNode(topNodes(base), topNodes(exp));
}

/** The `diff` answer: the whole comparison tree of `base` (left) against `exp` (right). */
export function diff(base: OpsProfile, exp: OpsProfile): DiffJson {
  const toJson = (t: DiffTree): DiffJson => ({ left: sideJson(t.left), right: sideJson(t.right), children: t.children.map(toJson) });
  return toJson(diffTree(base, exp));
}

/** The `diffnode` answer for `path` ('0', '0-3', ...: child indexes from the root); undefined when there is no such node. */
export function diffNode(base: OpsProfile, exp: OpsProfile, path = '0'): DiffNodeJson | undefined {
  const parts = path.split('-');
  if (parts[0] !== '0' || parts.some((s) => !/^(0|[1-9]\d*)$/.test(s))) return undefined;
  let node: DiffTree | undefined = diffTree(base, exp);
  for (const s of parts.slice(1)) {
    node = node.children[Number(s)];
    if (!node) return undefined;
  }
  const here = node;
  return {
    left: sideJson(here.left),
    right: sideJson(here.right),
    path,
    children: here.children.map((c, i) => ({ left: sideJson(c.left), right: sideJson(c.right), path: `${path}-${i}` })),
  };
}
