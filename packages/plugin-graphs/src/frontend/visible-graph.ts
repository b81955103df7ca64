/**
 * What is on screen for a set of expanded scopes: the visible boxes (ops, collapsed scopes
 * and series, and expanded containers holding their children) and the edges between them.
 * Each op-to-op edge is drawn at the level of the innermost expanded container holding both
 * ends, between the two children of it that hold them; where an end sits deeper inside an
 * expanded child, a bridge edge inside that child carries it from (or to) the child's
 * border, so every edge can be followed from op to op. Edges with the same ends and kind
 * (data or control) are aggregated and count the op edges they stand for.
 */
import type { GraphModel } from './graph-model.js';
import { isContainer, type ScopeTree, type TreeNode } from './scope-tree.js';

/** An edge end inside a container that stands for everything outside it (edges coming in). */
export const IN_ANCHOR = '⟨in⟩';
/** An edge end inside a container that stands for everything outside it (edges going out). */
export const OUT_ANCHOR = '⟨out⟩';

/** A box on screen. */
export interface VisibleNode {
  readonly node: TreeNode;
  readonly id: string;
  /** Whether it is an expanded container (its children are drawn inside it). */
  readonly expanded: boolean;
  readonly parent: VisibleNode | null;
  /** The visible children of an expanded container; empty otherwise. */
  readonly children: VisibleNode[];
  readonly depth: number;
}

/** Op edges drawn as one line inside one expanded container. */
export interface AggregatedEdge {
  readonly id: string;
  /** The id of the expanded container it is drawn in. */
  readonly container: string;
  /** A child of the container, or IN_ANCHOR. */
  readonly from: string;
  /** A child of the container, or OUT_ANCHOR. */
  readonly to: string;
  readonly control: boolean;
  /** Indices (into the model's edges) of the op edges it stands for. */
  readonly opEdges: number[];
}

/** The visible boxes and edges. */
export interface VisibleGraph {
  readonly root: VisibleNode;
  readonly nodes: ReadonlyMap<string, VisibleNode>;
  /** The box that shows each op (the op itself, or the collapsed box holding it), by op index. */
  readonly repOf: readonly VisibleNode[];
  readonly edges: readonly AggregatedEdge[];
}

/**
 * The visible graph of `tree` with the containers in `expanded` open (the root always is).
 * A container is only open when all its ancestors are.
 */
export function visibleGraph(tree: ScopeTree, model: GraphModel, expanded: ReadonlySet<string>): VisibleGraph {
  const nodes = new Map<string, VisibleNode>();
  const repOf: VisibleNode[] = new Array<VisibleNode>(model.ops.length);
  const markRep = (node: TreeNode, rep: VisibleNode) => {
    if (node.kind === 'op') repOf[node.op] = rep;
    else for (const child of node.children) markRep(child, rep);
  };
  const visit = (node: TreeNode, parent: VisibleNode | null): VisibleNode => {
    const open = isContainer(node) && (parent === null || expanded.has(node.id));
    const vis: VisibleNode = { node, id: node.id, expanded: open, parent, children: [], depth: parent ? parent.depth + 1 : 0 };
    nodes.set(node.id, vis);
    if (open && isContainer(node)) for (const child of node.children) vis.children.push(visit(child, vis));
    else markRep(node, vis);
    return vis;
  };
  const root = visit(tree.root, null);
  return { root, nodes, repOf, edges: aggregateEdges(model, repOf) };
}

/** Aggregates every op edge onto the visible boxes (see the module comment). */
export function aggregateEdges(model: GraphModel, repOf: readonly VisibleNode[]): AggregatedEdge[] {
  const byKey = new Map<string, AggregatedEdge>();
  const add = (container: VisibleNode, from: string, to: string, control: boolean, index: number) => {
    const id = JSON.stringify([container.id, from, to, control ? 'control' : 'data']);
    let edge = byKey.get(id);
    if (!edge) {
      edge = { id, container: container.id, from, to, control, opEdges: [] };
      byKey.set(id, edge);
    }
    edge.opEdges.push(index);
  };
  model.edges.forEach((e, index) => {
    let x = repOf[e.from];
    let y = repOf[e.to];
    if (!x || !y || x === y) return;
    while (x.depth > y.depth) {
      add(x.parent!, x.id, OUT_ANCHOR, e.control, index);
      x = x.parent!;
    }
    while (y.depth > x.depth) {
      add(y.parent!, IN_ANCHOR, y.id, e.control, index);
      y = y.parent!;
    }
    while (x.parent !== y.parent) {
      add(x.parent!, x.id, OUT_ANCHOR, e.control, index);
      add(y.parent!, IN_ANCHOR, y.id, e.control, index);
      x = x.parent!;
      y = y.parent!;
    }
    if (x !== y) add(x.parent!, x.id, y.id, e.control, index);
  });
  return [...byKey.values()];
}
