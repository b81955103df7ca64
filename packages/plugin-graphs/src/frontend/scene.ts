/**
 * The laid-out graph in one coordinate system: every visible box with its top-left corner
 * and size, and every edge's points, ready to draw. An edge that leaves (or enters) an
 * expanded container starts at (or ends on) that container's anchor, where the bridge
 * inside it ends, so the line continues through the border.
 */
import type { BoxText } from './box-size.js';
import type { GroupLayout, Point } from './layout-types.js';
import type { AggregatedEdge, VisibleGraph, VisibleNode } from './visible-graph.js';

/** A box on screen, in scene coordinates. */
export interface SceneBox {
  readonly id: string;
  readonly vis: VisibleNode;
  readonly text: BoxText;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge on screen. */
export interface SceneEdge {
  readonly edge: AggregatedEdge;
  readonly points: readonly Point[];
  /** Halfway along the line, for its label. */
  readonly mid: Point;
}

/** Everything to draw. Boxes come parents first. */
export interface Scene {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly SceneBox[];
  readonly edges: readonly SceneEdge[];
  readonly byId: ReadonlyMap<string, SceneBox>;
}

/** The point halfway along a polyline. */
export function midpoint(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len >= left && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return points[points.length - 1]!;
}

/** The scene of `graph` laid out as `layout`. */
export function buildScene(graph: VisibleGraph, layout: GroupLayout, texts: ReadonlyMap<string, BoxText>): Scene {
  const boxes: SceneBox[] = [];
  const byId = new Map<string, SceneBox>();
  const anchors = new Map<string, { in: Point | null; out: Point | null }>();
  const raw: { id: string; points: Point[] }[] = [];
  const place = (group: GroupLayout, ox: number, oy: number) => {
    for (const n of group.nodes) {
      const vis = graph.nodes.get(n.id);
      const text = texts.get(n.id);
      if (!vis || !text) continue;
      const box: SceneBox = { id: n.id, vis, text, x: ox + n.x - n.width / 2, y: oy + n.y - n.height / 2, width: n.width, height: n.height };
      boxes.push(box);
      byId.set(n.id, box);
      if (n.group) {
        const at = (p: Point | null) => (p ? { x: box.x + p.x, y: box.y + p.y } : null);
        anchors.set(n.id, { in: at(n.group.inAnchor), out: at(n.group.outAnchor) });
        place(n.group, box.x, box.y);
      }
    }
    for (const [id, points] of Object.entries(group.edges)) raw.push({ id, points: points.map((p) => ({ x: ox + p.x, y: oy + p.y })) });
  };
  place(layout, 0, 0);
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const edges: SceneEdge[] = [];
  for (const { id, points } of raw) {
    const edge = edgeById.get(id);
    if (!edge || points.length < 2) continue;
    const start = anchors.get(edge.from)?.out;
    const end = anchors.get(edge.to)?.in;
    if (start) points[0] = start;
    if (end) points[points.length - 1] = end;
    edges.push({ edge, points, mid: midpoint(points) });
  }
  return { width: layout.width, height: layout.height, boxes, edges, byId };
}
