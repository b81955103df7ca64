/**
 * Lays out groups with dagre: each expanded container's children top to bottom, nested
 * groups first (their size is then known), so only what is visible is laid out. Children
 * without edges (constants, initialisers) are packed in a grid beside the rest instead of
 * one very long row. Results are cached by what determines them, so opening one scope only
 * lays out that scope and the groups around it again.
 *
 * createLayoutEngine must stay self-contained (no reference to anything outside its own
 * body): the layout Worker runs its source text (see layout-client.ts), with dagre loaded
 * there from its UMD build. layout-engine.test.ts checks this.
 */
import type { GroupLayout, LayoutGroupSpec, LayoutNodeSpec, PlacedNode, Point } from './layout-types.js';

/** The part of a dagre graph the engine uses. */
export interface DagreGraph {
  setGraph(label: Record<string, unknown>): unknown;
  setDefaultEdgeLabel(make: () => Record<string, unknown>): unknown;
  setNode(id: string, label: { width: number; height: number }): unknown;
  setEdge(from: string, to: string, label: Record<string, unknown>, name: string): unknown;
  node(id: string): { x: number; y: number; width: number; height: number };
  edge(from: string, to: string, name: string): { points?: Point[] } | undefined;
  graph(): { width?: number; height?: number };
}

/** The part of `@dagrejs/dagre` the engine uses (the module, or the UMD global in a worker). */
export interface DagreLike {
  readonly graphlib: { readonly Graph: new (options: { multigraph: boolean }) => DagreGraph };
  layout(graph: DagreGraph): unknown;
}

/** A layout engine over one dagre instance, with its cache. */
export interface LayoutEngine {
  /** Lays out one group whose nested groups are already laid out (`children`, by id). */
  layoutGroup(spec: LayoutGroupSpec, children: ReadonlyMap<string, GroupLayout>): GroupLayout;
  /** Lays out a group and, first, every group nested in it. */
  layoutTree(spec: LayoutGroupSpec): GroupLayout;
}

/**
 * An engine over `dagre`.
 *
 * @example createLayoutEngine(dagre).layoutTree(spec).width
 */
export function createLayoutEngine(dagre: DagreLike): LayoutEngine {
  const GRID_MIN = 6;
  const GRID_GAP = 40;
  const CELL_GAP_X = 12;
  const CELL_GAP_Y = 10;
  const CACHE_LIMIT = 400;
  const cache = new Map<string, GroupLayout>();

  function sizeOf(node: LayoutNodeSpec, children: ReadonlyMap<string, GroupLayout>): { width: number; height: number } {
    const child = children.get(node.id);
    return child ? { width: child.width, height: child.height } : { width: node.width, height: node.height };
  }

  function keyOf(spec: LayoutGroupSpec, children: ReadonlyMap<string, GroupLayout>): string {
    const parts = [spec.id, spec.header, spec.padding, spec.minWidth];
    for (const n of spec.nodes) {
      const child = children.get(n.id);
      parts.push(n.id, child ? child.width : n.width, child ? child.height : n.height);
    }
    for (const e of spec.edges) parts.push(e.id, e.from, e.to, e.weight);
    return parts.join('\u0000');
  }

  function compute(spec: LayoutGroupSpec, children: ReadonlyMap<string, GroupLayout>): GroupLayout {
    const ids = new Set(spec.nodes.map((n) => n.id));
    const linked = new Set<string>();
    let inId: string | null = null;
    let outId: string | null = null;
    for (const e of spec.edges) {
      if (ids.has(e.from)) linked.add(e.from);
      else inId = e.from;
      if (ids.has(e.to)) linked.add(e.to);
      else outId = e.to;
    }
    const loose = spec.nodes.filter((n) => !linked.has(n.id));
    const gridded = loose.length >= GRID_MIN ? loose : [];
    const griddedIds = new Set(gridded.map((n) => n.id));
    const ranked = spec.nodes.filter((n) => !griddedIds.has(n.id));

    // The linked children (and the few loose ones), by dagre.
    const centres = new Map<string, Point>();
    const edgePoints: Record<string, Point[]> = {};
    let rankedWidth = 0;
    let rankedHeight = 0;
    let inAt: Point | null = null;
    let outAt: Point | null = null;
    if (ranked.length > 0) {
      const g = new dagre.graphlib.Graph({ multigraph: true });
      g.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 30, edgesep: 8, marginx: 0, marginy: 0 });
      g.setDefaultEdgeLabel(() => ({}));
      for (const n of ranked) g.setNode(n.id, sizeOf(n, children));
      if (inId !== null) g.setNode(inId, { width: 1, height: 1 });
      if (outId !== null) g.setNode(outId, { width: 1, height: 1 });
      for (const e of spec.edges) g.setEdge(e.from, e.to, { weight: e.weight, minlen: 1 }, e.id);
      dagre.layout(g);
      const size = g.graph();
      rankedWidth = size.width ?? 0;
      rankedHeight = size.height ?? 0;
      for (const n of ranked) {
        const placed = g.node(n.id);
        centres.set(n.id, { x: placed.x, y: placed.y });
      }
      if (inId !== null) inAt = { x: g.node(inId).x, y: 0 };
      if (outId !== null) outAt = { x: g.node(outId).x, y: 0 };
      for (const e of spec.edges) edgePoints[e.id] = (g.edge(e.from, e.to, e.id)?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    }

    // The loose children, in a grid to the right.
    let gridWidth = 0;
    let gridHeight = 0;
    if (gridded.length > 0) {
      let cellW = 0;
      let cellH = 0;
      for (const n of gridded) {
        const size = sizeOf(n, children);
        cellW = Math.max(cellW, size.width + CELL_GAP_X);
        cellH = Math.max(cellH, size.height + CELL_GAP_Y);
      }
      const cols = Math.max(1, Math.ceil(Math.sqrt((gridded.length * cellH) / cellW)));
      const rows = Math.ceil(gridded.length / cols);
      gridWidth = cols * cellW - CELL_GAP_X;
      gridHeight = rows * cellH - CELL_GAP_Y;
      const left = ranked.length > 0 ? rankedWidth + GRID_GAP : 0;
      gridded.forEach((n, i) => {
        centres.set(n.id, { x: left + (i % cols) * cellW + cellW / 2 - CELL_GAP_X / 2, y: Math.floor(i / cols) * cellH + cellH / 2 - CELL_GAP_Y / 2 });
      });
    }

    const contentWidth = ranked.length > 0 && gridded.length > 0 ? rankedWidth + GRID_GAP + gridWidth : rankedWidth + gridWidth;
    const contentHeight = Math.max(rankedHeight, gridHeight);
    const innerWidth = Math.max(contentWidth, spec.minWidth - 2 * spec.padding);
    const dx = spec.padding + (innerWidth - contentWidth) / 2;
    const dy = spec.header;
    const width = Math.ceil(innerWidth + 2 * spec.padding);
    const height = Math.ceil(spec.header + contentHeight + spec.padding);

    const nodes: PlacedNode[] = spec.nodes.map((n) => {
      const c = centres.get(n.id) ?? { x: 0, y: 0 };
      const size = sizeOf(n, children);
      return { id: n.id, x: c.x + dx, y: c.y + dy, width: size.width, height: size.height, group: children.get(n.id) ?? null };
    });
    const inAnchor = inAt ? { x: inAt.x + dx, y: 0 } : null;
    const outAnchor = outAt ? { x: outAt.x + dx, y: height } : null;
    const edges: Record<string, Point[]> = {};
    for (const e of spec.edges) {
      const points = (edgePoints[e.id] ?? []).map((p) => ({ x: p.x + dx, y: p.y + dy }));
      if (inAnchor && e.from === inId && points.length > 0) points[0] = inAnchor;
      if (outAnchor && e.to === outId && points.length > 0) points[points.length - 1] = outAnchor;
      edges[e.id] = points;
    }
    return { id: spec.id, width, height, nodes, edges, inAnchor, outAnchor };
  }

  function layoutGroup(spec: LayoutGroupSpec, children: ReadonlyMap<string, GroupLayout>): GroupLayout {
    const key = keyOf(spec, children);
    const cached = cache.get(key);
    if (cached) {
      // The children's insides may have changed (not their sizes): take the current ones.
      return { ...cached, nodes: cached.nodes.map((n) => ({ ...n, group: children.get(n.id) ?? null })) };
    }
    const result = compute(spec, children);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
    return result;
  }

  function layoutTree(spec: LayoutGroupSpec): GroupLayout {
    const children = new Map<string, GroupLayout>();
    for (const n of spec.nodes) if (n.group) children.set(n.id, layoutTree(n.group));
    return layoutGroup(spec, children);
  }

  return { layoutGroup, layoutTree };
}
