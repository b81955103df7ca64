/**
 * Where the graphs come from, as TensorBoard's graphs plugin reads them, parsed once and
 * cached:
 *
 * - a run's own graph: the blob of tag `__run_graph__` (plugin `graphs`), a GraphDef;
 * - a tag's op graph: the RunMetadata of a `graph_run_metadata` or `graph_run_metadata_graph`
 *   summary, its function graphs' pre-optimization graphs merged (merge-graphs.ts);
 * - a tag's conceptual graph: the Keras model JSON of a `graph_keras_model` summary;
 * - a tag's RunMetadata (step stats): `graph_run_metadata`, summary or tagged event.
 *
 * Each read takes the series' last datum (TensorBoard reads with downsample 1). The cache
 * key holds the datum's blob key, so a graph written again (a new event) is read again,
 * and an unchanged one costs no file read or parse. Parsing pauses between nodes (pace.ts).
 */
import { HttpError, NotFoundError, type DataProvider } from '@tb/core/plugin';
import { kerasModelToGraphDef } from './keras-graph.js';
import { PromiseLru } from './lru.js';
import { mergeGraphDefs } from './merge-graphs.js';
import {
  PLUGIN_NAME,
  PLUGIN_NAME_KERAS_MODEL,
  PLUGIN_NAME_RUN_METADATA,
  PLUGIN_NAME_RUN_METADATA_WITH_GRAPH,
  RUN_GRAPH_TAG,
  runMetadataKind,
} from './metadata.js';
import { pace, type Pace } from './pace.js';
import { decodeMessageAsync, WireError } from './proto/decode.js';
import { list, newMsg, sub, type Msg } from './proto/message.js';

/** Which graph of a run: its own (no tag), a tag's op graph, or a tag's Keras model. */
export interface GraphRequest {
  readonly run: string;
  readonly tag: string | undefined;
  readonly conceptual: boolean;
}

/** A graph and the key it is cached under (stable while its blob is). */
export interface LoadedGraph {
  readonly graph: Msg;
  readonly key: string;
}

/** Options of a {@link GraphStore}. */
export interface GraphStoreOptions {
  /** Parsed graphs kept (least recently used go first). */
  readonly maxGraphs?: number;
  /** Rendered answers kept (text format, graph_json), by graph key and options. */
  readonly maxViews?: number;
  /** The pacing of each parse; pace() by default. */
  readonly clock?: () => Pace;
}

type Accept = (pluginContent: Uint8Array) => boolean;

const anyContent: Accept = () => true;
const notTagged: Accept = (content) => runMetadataKind(content) !== 'tagged';

/** Reads, parses and caches the graphs of one DataProvider. */
export class GraphStore {
  private readonly cache: PromiseLru<Msg>;
  private readonly views: PromiseLru<Uint8Array>;
  private readonly clock: () => Pace;

  constructor(
    private readonly data: DataProvider,
    o: GraphStoreOptions = {},
  ) {
    this.cache = new PromiseLru(o.maxGraphs ?? 8);
    this.views = new PromiseLru(o.maxViews ?? 4);
    this.clock = o.clock ?? (() => pace());
  }

  /** The graph TensorBoard's `graph` route serves for `req` (before attr limits). */
  async graph(req: GraphRequest): Promise<LoadedGraph> {
    if (req.conceptual) {
      const blob = this.find([PLUGIN_NAME_KERAS_MODEL], req.run, req.tag ?? '', anyContent);
      return this.load('conceptual', blob, async (bytes) => kerasModelToGraphDef(parseJson(bytes, blob)));
    }
    if (req.tag === undefined) {
      const blob = this.find([PLUGIN_NAME], req.run, RUN_GRAPH_TAG, anyContent);
      return this.load('graph', blob, (bytes) => this.decode('GraphDef', bytes, blob));
    }
    const blob = this.find([PLUGIN_NAME_RUN_METADATA, PLUGIN_NAME_RUN_METADATA_WITH_GRAPH], req.run, req.tag, notTagged);
    return this.load('op', blob, async (bytes) => {
      const runMetadata = await this.decode('RunMetadata', bytes, blob);
      const graphs = list<Msg>(runMetadata, 'function_graphs').map((fg) => sub(fg, 'pre_optimization_graph') ?? newMsg('GraphDef'));
      return mergeGraphDefs(graphs);
    });
  }

  /** The RunMetadata of tag `tag` of `run` (TensorBoard's `run_metadata` route). */
  async runMetadata(run: string, tag: string): Promise<LoadedGraph> {
    const blob = this.find([PLUGIN_NAME_RUN_METADATA], run, tag, anyContent);
    return this.load('run_metadata', blob, (bytes) => this.decode('RunMetadata', bytes, blob));
  }

  /**
   * A rendering of a loaded graph (its text, its JSON, as bytes), cached under the graph's key plus
   * `options`, so that a repeated request costs nothing.
   */
  view(graph: LoadedGraph, options: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
    return this.views.get(`${graph.key}\u0000${options}`, render);
  }

  /** A new pace for one piece of work. */
  pace(): Pace {
    return this.clock();
  }

  /** True when `run` has a RunMetadata under `tag` (a profile). */
  hasRunMetadata(run: string, tag: string): boolean {
    return this.data.listTags(PLUGIN_NAME_RUN_METADATA, { runs: [run] }).get(run)?.has(tag) ?? false;
  }

  private find(plugins: readonly string[], run: string, tag: string, accept: Accept): BlobAt {
    for (const plugin of plugins) {
      const info = this.data.listTags(plugin, { runs: [run] }).get(run)?.get(tag);
      if (!info || !accept(info.pluginContent)) continue;
      const key = this.data.readBlobSequences(plugin, run, tag, { downsample: 1 })?.at(-1)?.blobs[0]?.key;
      if (key !== undefined) return { plugin, run, tag, key };
    }
    throw new NotFoundError(`run '${run}' has no ${tag === RUN_GRAPH_TAG ? 'graph' : `tag '${tag}'`} of plugin ${plugins.map((p) => `'${p}'`).join(' or ')}`);
  }

  private async load(kind: string, blob: BlobAt, parse: (bytes: Uint8Array) => Promise<Msg>): Promise<LoadedGraph> {
    const key = `${kind}\u0000${blob.plugin}\u0000${blob.run}\u0000${blob.tag}\u0000${blob.key}`;
    const graph = await this.cache.get(key, async () => parse(await this.data.readBlob(blob.key)));
    return { graph, key };
  }

  private async decode(type: 'GraphDef' | 'RunMetadata', bytes: Uint8Array, blob: BlobAt): Promise<Msg> {
    try {
      return await decodeMessageAsync(type, bytes, this.clock());
    } catch (err) {
      if (!(err instanceof WireError)) throw err;
      throw new HttpError(500, `the ${type} of run '${blob.run}', tag '${blob.tag}' (plugin '${blob.plugin}') cannot be read: ${err.message}`);
    }
  }
}

interface BlobAt {
  readonly plugin: string;
  readonly run: string;
  readonly tag: string;
  readonly key: string;
}

function parseJson(bytes: Uint8Array, blob: BlobAt): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (err) {
    throw new HttpError(500, `the Keras model of run '${blob.run}', tag '${blob.tag}' is not JSON: ${(err as Error).message}`);
  }
}
