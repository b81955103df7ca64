/**
 * `GET graph_json`: a graph as the compact JSON of graph-json.ts, for our own page.
 *
 * Which graph: `conceptual=true` the tag's Keras model; a tag with an op graph (a
 * RunMetadata summary) that graph; a tag with only a profile (a tagged RunMetadata) the
 * run's own graph; no tag the run's own graph. When the tag has a RunMetadata, each node's
 * cost from its step stats comes along (`runMetadata`). The answer is built node by node,
 * pausing as pace.ts says, and cached with the graph.
 */
import { NotFoundError } from '@tb/core/plugin';
import { attrText, dtypeShortName, shapeDims } from './attr-text.js';
import { ByteOut } from './byte-out.js';
import type { GraphJson, GraphJsonFunction, GraphJsonNode, GraphJsonNodeStats } from './graph-json.js';
import type { GraphRequest, GraphStore, LoadedGraph } from './graph-store.js';
import { NO_PACE, type Pace } from './pace.js';
import { byteSize } from './proto/byte-size.js';
import { msgOf } from './proto/decode.js';
import { list, mapOf, num, slotOf, str, sub, type Msg } from './proto/message.js';

/** Attr values left out, counted as the answer is built. */
interface Elided {
  count: number;
  bytes: number;
}

function outputShapes(attr: Msg | undefined): (number[] | null)[] | undefined {
  const shapes = attr ? sub(attr, 'list') : undefined;
  return shapes ? list<Msg>(shapes, 'shape').map(shapeDims) : undefined;
}

/** A Keras layer's class (the conceptual graph's nodes have no op). */
function kerasClass(attr: Msg | undefined): string {
  const s = attr ? slotOf(attr, 's') : undefined;
  return s instanceof Uint8Array ? new TextDecoder().decode(s) : '';
}

/** One node of a GraphDef (or of a function body) as JSON. */
export function nodeJson(node: Msg, elided: Elided): GraphJsonNode {
  const attrs = new Map([...mapOf(node, 'attr')].map(([key, value]) => [String(key), msgOf(value)!]));
  const attr: Record<string, string> = {};
  for (const key of [...attrs.keys()].sort()) {
    if (key === '_output_shapes') continue;
    const value = attrs.get(key)!;
    const t = attrText(value);
    if (t.elided) {
      elided.count++;
      elided.bytes += byteSize(value);
    }
    attr[key] = t.text;
  }
  const out: { -readonly [K in keyof GraphJsonNode]: GraphJsonNode[K] } = {
    name: str(node, 'name'),
    op: str(node, 'op') || kerasClass(attrs.get('keras_class')),
    inputs: list<string>(node, 'input'),
    device: str(node, 'device'),
    attr,
  };
  const shapes = outputShapes(attrs.get('_output_shapes'));
  if (shapes) out.outputShapes = shapes;
  const typed = attrs.get('dtype') ?? attrs.get('T');
  if (typed && slotOf(typed, 'type') !== undefined) out.dtype = dtypeShortName(num(typed, 'type'));
  return out;
}

async function writeNodes(out: ByteOut, nodes: readonly Msg[], elided: Elided, clock: Pace): Promise<void> {
  out.byte(0x5b);
  for (let i = 0; i < nodes.length; i++) {
    if (i > 0) out.byte(0x2c);
    out.utf8(JSON.stringify(nodeJson(nodes[i]!, elided)));
    if ((i & 63) === 63 && clock.due()) await clock.pause();
  }
  out.byte(0x5d);
}

/** Per node name, its compute time and bytes from a RunMetadata's step stats. */
export async function runMetadataStats(runMetadata: Msg, clock: Pace = NO_PACE): Promise<Map<string, GraphJsonNodeStats>> {
  const stats = new Map<string, { computeMicros: number; memoryBytes: number; device: string }>();
  const stepStats = sub(runMetadata, 'step_stats');
  let n = 0;
  for (const dev of stepStats ? list<Msg>(stepStats, 'dev_stats') : []) {
    const device = str(dev, 'device');
    for (const node of list<Msg>(dev, 'node_stats')) {
      if ((++n & 255) === 0 && clock.due()) await clock.pause();
      const name = str(node, 'node_name');
      const entry = stats.get(name) ?? { computeMicros: 0, memoryBytes: 0, device };
      const micros = num(node, 'all_end_rel_micros');
      if (micros > 0) entry.computeMicros += micros;
      for (const m of list<Msg>(node, 'memory')) {
        const bytes = num(m, 'total_bytes');
        if (bytes > 0) entry.memoryBytes += bytes;
      }
      entry.device = device;
      stats.set(name, entry);
    }
  }
  return stats;
}

/** A map as a JSON object, written in slices. */
async function writeObject(out: ByteOut, map: ReadonlyMap<string, unknown>, clock: Pace): Promise<void> {
  out.byte(0x7b);
  let n = 0;
  for (const [key, value] of map) {
    if (n > 0) out.byte(0x2c);
    out.utf8(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
    if ((++n & 255) === 0 && clock.due()) await clock.pause();
  }
  out.byte(0x7d);
}

/** The answer for `graph` (and, when given, its RunMetadata), as JSON in UTF-8. */
export async function buildGraphJson(req: GraphRequest, graph: Msg, runMetadata: Msg | undefined, clock: Pace): Promise<Uint8Array> {
  const elided: Elided = { count: 0, bytes: 0 };
  const out = new ByteOut();
  const head: Omit<GraphJson, 'nodes' | 'functions' | 'elided' | 'runMetadata'> = { run: req.run, tag: req.tag ?? null, conceptual: req.conceptual };
  out.utf8(`${JSON.stringify(head).slice(0, -1)},"nodes":`);
  await writeNodes(out, list<Msg>(graph, 'node'), elided, clock);
  out.ascii(',"functions":[');
  const library = sub(graph, 'library');
  let first = true;
  for (const fn of library ? list<Msg>(library, 'function') : []) {
    const signature = sub(fn, 'signature');
    const fnHead: Omit<GraphJsonFunction, 'nodes'> = {
      name: signature ? str(signature, 'name') : '',
      inputArgs: signature ? list<Msg>(signature, 'input_arg').map((a) => str(a, 'name')) : [],
      outputArgs: signature ? list<Msg>(signature, 'output_arg').map((a) => str(a, 'name')) : [],
    };
    if (!first) out.byte(0x2c);
    first = false;
    out.utf8(`${JSON.stringify(fnHead).slice(0, -1)},"nodes":`);
    await writeNodes(out, list<Msg>(fn, 'node_def'), elided, clock);
    out.byte(0x7d);
  }
  out.ascii(`],"elided":${JSON.stringify(elided)}`);
  if (runMetadata) {
    out.ascii(',"runMetadata":');
    await writeObject(out, await runMetadataStats(runMetadata, clock), clock);
  }
  out.byte(0x7d);
  return out.result();
}

async function pickGraph(store: GraphStore, req: GraphRequest): Promise<{ graph: LoadedGraph; profile: LoadedGraph | undefined }> {
  if (req.conceptual || req.tag === undefined) return { graph: await store.graph(req), profile: undefined };
  const profile = store.hasRunMetadata(req.run, req.tag) ? await store.runMetadata(req.run, req.tag) : undefined;
  try {
    return { graph: await store.graph(req), profile };
  } catch (err) {
    if (!(err instanceof NotFoundError) || !profile) throw err;
    return { graph: await store.graph({ ...req, tag: undefined }), profile };
  }
}

/** `graph_json` for `req`: the JSON as UTF-8 bytes, cached with the graph it shows. */
export async function graphJsonImpl(store: GraphStore, req: GraphRequest): Promise<Uint8Array> {
  const { graph, profile } = await pickGraph(store, req);
  const options = `json\u0000${req.tag ?? ''}\u0000${req.conceptual}\u0000${profile?.key ?? ''}`;
  return store.view(graph, options, () => buildGraphJson(req, graph.graph, profile?.graph, store.pace()));
}
