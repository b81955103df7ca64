/**
 * The layout's input for what is visible: one group per expanded container with its
 * children's sizes and the edges drawn inside it, and the text of every box (the sizes
 * were measured from it, so the drawing uses the same text).
 */
import { BOX, boxSize, boxText, headerWidth, type BoxText } from './box-size.js';
import type { LayoutGroupSpec, LayoutNodeSpec } from './layout-types.js';
import type { MeasureText } from './text-width.js';
import type { AggregatedEdge, VisibleGraph, VisibleNode } from './visible-graph.js';

/** The root group, and each visible box's text by id. */
export interface LayoutInput {
  readonly spec: LayoutGroupSpec;
  readonly texts: ReadonlyMap<string, BoxText>;
}

/** Data edges pull their ends closer than control edges. */
const DATA_WEIGHT = 2;
const CONTROL_WEIGHT = 1;

/** The layout input of `graph`, box sizes measured with `measure`. */
export function layoutSpecOf(graph: VisibleGraph, measure: MeasureText): LayoutInput {
  const texts = new Map<string, BoxText>();
  const edgesIn = new Map<string, AggregatedEdge[]>();
  for (const e of graph.edges) {
    const list = edgesIn.get(e.container);
    if (list) list.push(e);
    else edgesIn.set(e.container, [e]);
  }
  const group = (vis: VisibleNode): LayoutGroupSpec => {
    const text = boxText(vis.node, measure);
    texts.set(vis.id, text);
    const nodes = vis.children.map((child): LayoutNodeSpec => {
      if (child.expanded) return { id: child.id, width: 0, height: 0, group: group(child) };
      const childText = boxText(child.node, measure);
      texts.set(child.id, childText);
      return { id: child.id, ...boxSize(child.node, childText, measure), group: null };
    });
    return {
      id: vis.id,
      nodes,
      edges: (edgesIn.get(vis.id) ?? []).map((e) => ({ id: e.id, from: e.from, to: e.to, weight: e.control ? CONTROL_WEIGHT : DATA_WEIGHT })),
      header: vis.parent === null ? BOX.padding : BOX.header,
      padding: BOX.padding,
      minWidth: vis.parent === null ? 0 : headerWidth(text, measure),
    };
  };
  return { spec: group(graph.root), texts };
}
