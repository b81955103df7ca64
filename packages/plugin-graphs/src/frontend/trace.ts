/**
 * What to highlight when a node is selected: the boxes that feed it and that it feeds, and
 * every drawn edge (bridges included) that carries one of its op edges across its border.
 */
import type { GraphModel } from './graph-model.js';
import { opsUnder, type ScopeTree, type TreeNode } from './scope-tree.js';
import type { VisibleGraph, VisibleNode } from './visible-graph.js';

/** The highlighted edges and boxes. */
export interface Trace {
  /** The box on screen that shows the selection (itself, or the collapsed box holding it). */
  readonly shown: string;
  readonly edges: ReadonlySet<string>;
  /** Boxes it reads from. */
  readonly inputs: ReadonlySet<string>;
  /** Boxes that read from it. */
  readonly outputs: ReadonlySet<string>;
  /** Boxes inside it, when it is an expanded container (they are not dimmed). */
  readonly inner: ReadonlySet<string>;
}

/** The box on screen that shows `node`: itself, or the nearest ancestor on screen. */
export function shownBox(graph: VisibleGraph, node: TreeNode): VisibleNode | null {
  for (let n: TreeNode | null = node; n; n = n.parent) {
    const vis = graph.nodes.get(n.id);
    if (vis) return vis;
  }
  return null;
}

/** The trace of the node `id`; null when there is no such node. */
export function traceOf(tree: ScopeTree, model: GraphModel, graph: VisibleGraph, id: string): Trace | null {
  const node = tree.byId.get(id);
  const shown = node && shownBox(graph, node);
  if (!node || !shown) return null;
  const inside = new Set(opsUnder(node));
  const crossing = new Set<number>();
  const inputs = new Set<string>();
  const outputs = new Set<string>();
  model.edges.forEach((e, k) => {
    const fromIn = inside.has(e.from);
    const toIn = inside.has(e.to);
    if (fromIn === toIn) return;
    crossing.add(k);
    if (toIn) inputs.add(graph.repOf[e.from]!.id);
    else outputs.add(graph.repOf[e.to]!.id);
  });
  inputs.delete(shown.id);
  outputs.delete(shown.id);
  const edges = new Set<string>();
  for (const e of graph.edges) if (e.opEdges.some((k) => crossing.has(k))) edges.add(e.id);
  const inner = new Set<string>();
  const collect = (v: VisibleNode) => {
    for (const c of v.children) {
      inner.add(c.id);
      collect(c);
    }
  };
  collect(shown);
  return { shown: shown.id, edges, inputs, outputs, inner };
}
