/**
 * The graph as the dashboard works on it: the `graph_json` answer (or one function of its
 * library) turned into ops with parsed inputs and one list of edges, each edge naming its
 * source and target op by index.
 */
import type { GraphJson, GraphJsonNode, GraphJsonNodeStats } from '../graph-json.js';

/** One input of an op as the GraphDef writes it, parsed. */
export interface InputRef {
  /** The source op's name. */
  readonly name: string;
  /** Which output of the source (0 unless `name:k`). */
  readonly output: number;
  /** A control dependency (`^name`): ordering only, no tensor flows. */
  readonly control: boolean;
}

/** One op of the graph. */
export interface OpNode {
  readonly name: string;
  readonly op: string;
  readonly device: string;
  readonly inputs: readonly InputRef[];
  /** Attributes as `[key, short text]`, sorted by key. */
  readonly attrs: readonly (readonly [string, string])[];
  /** Each output's dimensions (`-1` unknown), `null` for unknown rank. */
  readonly outputShapes: readonly (readonly number[] | null)[];
  readonly dtype: string | null;
  /** Compute time and memory from the run metadata, when the graph has them. */
  readonly stats: GraphJsonNodeStats | null;
}

/** A tensor (or a control dependency) from one op to another. */
export interface OpEdge {
  readonly from: number;
  readonly to: number;
  /** Which output of `from`. */
  readonly output: number;
  readonly control: boolean;
}

/** The ops and the edges between them. */
export interface GraphModel {
  readonly ops: readonly OpNode[];
  /** Op name -> index in `ops`. */
  readonly index: ReadonlyMap<string, number>;
  readonly edges: readonly OpEdge[];
  /** Edges whose source is not in the graph, per target op index (shown in the node panel). */
  readonly missingInputs: ReadonlyMap<number, readonly string[]>;
  /** Whether any op has run-metadata stats. */
  readonly hasStats: boolean;
  /** Every device named by an op, sorted. */
  readonly devices: readonly string[];
}

/** Which graph of a `graph_json` answer to show: the main graph or one library function. */
export type GraphView = { readonly kind: 'main' } | { readonly kind: 'function'; readonly name: string };

/**
 * Parses one GraphDef input: `name`, `name:2`, `^name`, and inside a function body
 * `name:out:0` (the source op is `name`, the output index the last number).
 *
 * @example parseInput('^init') // { name: 'init', output: 0, control: true }
 * @example parseInput('split:1') // { name: 'split', output: 1, control: false }
 */
export function parseInput(raw: string): InputRef {
  const control = raw.startsWith('^');
  const body = control ? raw.slice(1) : raw;
  const colon = body.indexOf(':');
  if (colon < 0) return { name: body, output: 0, control };
  const last = body.slice(body.lastIndexOf(':') + 1);
  const output = /^\d+$/.test(last) ? Number(last) : 0;
  return { name: body.slice(0, colon), output, control };
}

function opNode(node: GraphJsonNode, stats: GraphJsonNodeStats | null): OpNode {
  return {
    name: node.name,
    op: node.op,
    device: node.device || stats?.device || '',
    inputs: node.inputs.map(parseInput),
    attrs: Object.entries(node.attr ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    outputShapes: node.outputShapes ?? [],
    dtype: node.dtype ?? null,
    stats,
  };
}

/** The ops and edges of `nodes`; inputs naming no op become `missingInputs`. */
export function buildGraphModel(nodes: readonly GraphJsonNode[], stats?: Readonly<Record<string, GraphJsonNodeStats>>): GraphModel {
  const ops = nodes.map((n) => opNode(n, stats?.[n.name] ?? null));
  const index = new Map<string, number>();
  ops.forEach((op, i) => {
    if (!index.has(op.name)) index.set(op.name, i);
  });
  const edges: OpEdge[] = [];
  const missingInputs = new Map<number, string[]>();
  ops.forEach((op, to) => {
    for (const input of op.inputs) {
      const from = index.get(input.name);
      if (from === undefined) missingInputs.set(to, [...(missingInputs.get(to) ?? []), input.name]);
      else edges.push({ from, to, output: input.output, control: input.control });
    }
  });
  const devices = [...new Set(ops.map((o) => o.device).filter((d) => d !== ''))].sort();
  return { ops, index, edges, missingInputs, hasStats: ops.some((o) => o.stats !== null), devices };
}

/**
 * The model of one view of a `graph_json` answer. A function's input arguments become
 * `_Arg` ops so that the body's edges from them are drawn.
 */
export function graphModelOf(json: GraphJson, view: GraphView): GraphModel {
  if (view.kind === 'main') return buildGraphModel(json.nodes, json.runMetadata);
  const fn = json.functions.find((f) => f.name === view.name);
  if (!fn) throw new Error(`graph_json of run "${json.run}" should have a function named "${view.name}", found ${json.functions.length === 0 ? 'no functions' : json.functions.map((f) => f.name).join(', ')}`);
  const args: GraphJsonNode[] = fn.inputArgs.map((name) => ({ name, op: '_Arg', inputs: [], device: '', attr: {} }));
  return buildGraphModel([...args, ...fn.nodes], json.runMetadata);
}

/**
 * A shape as people write it: `1×784`, `?×10` for an unknown size, `scalar` for rank 0,
 * `?` for an unknown rank.
 */
export function formatShape(shape: readonly number[] | null | undefined): string {
  if (shape == null) return '?';
  if (shape.length === 0) return 'scalar';
  return shape.map((d) => (d < 0 ? '?' : String(d))).join('×');
}
