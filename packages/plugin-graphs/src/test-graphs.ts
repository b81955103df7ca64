/**
 * Graphs for the tests (not part of the plugin's entry): small GraphDefs and RunMetadata
 * built with proto/build.ts, as bytes, and a MemoryProvider-like fill of them.
 */
import { build, type Plain } from './proto/build.js';
import { encodeMessage } from './proto/encode.js';

/** A node with an op, inputs, a dtype attr and one output shape. */
export function testNode(name: string, op: string, inputs: string[] = [], shape: number[] = [1, 4]): Plain {
  return {
    name,
    op,
    input: inputs,
    attr: {
      T: { type: 1 },
      _output_shapes: { list: { shape: [{ dim: shape.map((size) => ({ size })) }] } },
    },
  };
}

/** A GraphDef's bytes: `nodes` and producer 1286. */
export function graphBytes(nodes: Plain[], extra: Plain = {}): Uint8Array {
  return encodeMessage(build('GraphDef', { node: nodes, versions: { producer: 1286 }, ...extra }));
}

/** A RunMetadata's bytes: one function graph per element of `graphs`, step stats of `stats`. */
export function runMetadataBytes(graphs: Plain[][], stats: { node: string; micros: number; bytes: number }[] = []): Uint8Array {
  return encodeMessage(
    build('RunMetadata', {
      step_stats: {
        dev_stats: [
          {
            device: '/job:localhost/replica:0/task:0/device:CPU:0',
            node_stats: stats.map((s) => ({ node_name: s.node, all_start_micros: 1000, all_end_rel_micros: s.micros, memory: [{ allocator_name: 'cpu', total_bytes: s.bytes }] })),
          },
        ],
      },
      function_graphs: graphs.map((nodes) => ({ pre_optimization_graph: { node: nodes, versions: { producer: 1286 } } })),
    }),
  );
}
