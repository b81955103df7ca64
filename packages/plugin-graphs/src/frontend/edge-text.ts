/**
 * What an edge says: on the line, the tensor's shape (`1×784`) or how many tensors it
 * carries (`3 tensors`); on hover, each distinct tensor's dtype and shape.
 */
import { formatShape, type GraphModel } from './graph-model.js';
import type { AggregatedEdge } from './visible-graph.js';

/** The label on the line (null: none) and the lines of the hover card. */
export interface EdgeText {
  readonly label: string | null;
  readonly details: readonly string[];
}

/** One distinct tensor an edge carries. */
export interface EdgeTensor {
  /** The source op and its output, `dense/MatMul:0`. */
  readonly name: string;
  readonly dtype: string | null;
  readonly shape: string;
  /** How many op edges read it through this line. */
  readonly uses: number;
}

/** The distinct tensors (source op and output) of an edge, in the order first seen. */
export function edgeTensors(model: GraphModel, edge: AggregatedEdge): EdgeTensor[] {
  const byName = new Map<string, { name: string; dtype: string | null; shape: string; uses: number }>();
  for (const k of edge.opEdges) {
    const e = model.edges[k]!;
    if (e.control) continue;
    const source = model.ops[e.from]!;
    const name = `${source.name}:${e.output}`;
    const found = byName.get(name);
    if (found) found.uses++;
    else byName.set(name, { name, dtype: source.dtype, shape: formatShape(source.outputShapes[e.output]), uses: 1 });
  }
  return [...byName.values()];
}

/** The text of an edge. */
export function edgeText(model: GraphModel, edge: AggregatedEdge): EdgeText {
  if (edge.control) {
    const n = edge.opEdges.length;
    return { label: null, details: [n === 1 ? 'control dependency' : `${n} control dependencies`] };
  }
  const tensors = edgeTensors(model, edge);
  const described = tensors.map((t) => `${t.name}: ${t.dtype ? `${t.dtype} ` : ''}${t.shape}${t.uses > 1 ? ` (read ${t.uses}×)` : ''}`);
  const shown = described.length > 8 ? [...described.slice(0, 8), `… and ${described.length - 8} more`] : described;
  let label: string | null = null;
  if (tensors.length === 1 && tensors[0]!.shape !== '?') label = tensors[0]!.shape;
  else if (tensors.length > 1) label = `${tensors.length} tensors`;
  return { label, details: [tensors.length === 1 ? '1 tensor' : `${tensors.length} tensors`, ...shown] };
}
