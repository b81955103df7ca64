import { describe, expect, it } from 'vitest';
import { hostPlugin, MemoryProvider } from '@tb/core/testing';
import type { GraphJson } from './graph-json.js';
import plugin from './index.js';
import { decodeMessage } from './proto/decode.js';
import { toTextFormat } from './proto/text-format.js';
import { graphBytes, runMetadataBytes, testNode } from './test-graphs.js';

const P = '/data/plugin/graphs';
const ONE = new TextEncoder().encode('1');
const point = (blob: Uint8Array | string, step = 0) => [{ step, wallTime: 1 + step, blobs: [blob] }];

const bigTensor = { tensor: { dtype: 1, tensor_shape: { dim: [{ size: 64 }, { size: 32 }] }, tensor_content: new Uint8Array(64 * 32 * 4) } };
const RUN_GRAPH = graphBytes([
  testNode('x', 'Placeholder', [], [-1, 4]),
  { name: 'dense/kernel', op: 'Const', attr: { dtype: { type: 1 }, value: bigTensor } },
  testNode('dense/MatMul', 'MatMul', ['x', 'dense/kernel'], [-1, 32]),
  testNode('dense/Relu', 'Relu', ['dense/MatMul', '^x'], [-1, 32]),
]);
const OP_GRAPH = [testNode('a', 'Const'), testNode('b', 'Neg', ['a'])];

function provider(): MemoryProvider {
  const keras = {
    class_name: 'Sequential',
    config: { name: 'seq', layers: [{ class_name: 'Dense', config: { name: 'dense', dtype: 'float32' } }, { class_name: 'Dropout', config: { name: 'drop', dtype: 'float32' } }] },
  };
  return new MemoryProvider()
    .addBlobSequences('train', '__run_graph__', point(RUN_GRAPH), { pluginName: 'graphs' })
    .addBlobSequences('train', 'trace', point(runMetadataBytes([OP_GRAPH], [{ node: 'b', micros: 7, bytes: 64 }, { node: 'b', micros: 3, bytes: 0 }])), {
      pluginName: 'graph_run_metadata',
      pluginContent: ONE,
    })
    .addBlobSequences('train', 'step1', point(runMetadataBytes([], [{ node: 'dense/MatMul', micros: 12, bytes: 4096 }])), { pluginName: 'graph_run_metadata' })
    .addBlobSequences('train', 'keras', point(JSON.stringify(keras)), { pluginName: 'graph_keras_model', pluginContent: ONE });
}

async function text(res: Response | Promise<Response>): Promise<[number, string, string | null]> {
  const r = await res;
  return [r.status, await r.text(), r.headers.get('content-type')];
}

describe('graph', () => {
  it("serves a run's own graph as protobuf text", async () => {
    const [status, body, type] = await text(hostPlugin(plugin, provider()).request(`${P}/graph?run=train`));
    expect([status, type]).toEqual([200, 'text/x-protobuf; charset=utf-8']);
    expect(body).toBe(toTextFormat(decodeMessage('GraphDef', RUN_GRAPH)));
    expect(body).toContain('tensor_content: "\\000\\000');
  });

  it('drops attrs over limit_attr_size and names them under large_attrs_key', async () => {
    const [status, body] = await text(hostPlugin(plugin, provider()).request(`${P}/graph?run=train&limit_attr_size=1024&large_attrs_key=_too_large_attrs`));
    expect(status).toBe(200);
    expect(body).not.toContain('tensor_content');
    expect(body).toContain('  name: "dense/kernel"\n  op: "Const"\n  attr {\n    key: "_too_large_attrs"\n    value {\n      list {\n        s: "value"\n      }\n    }\n  }\n  attr {\n    key: "dtype"');
    // A limit above every attr changes nothing.
    const [, all] = await text(hostPlugin(plugin, provider()).request(`${P}/graph?run=train&limit_attr_size=+100_000&large_attrs_key=k`));
    expect(all).toBe(toTextFormat(decodeMessage('GraphDef', RUN_GRAPH)));
  });

  it("serves a tag's op graph from its RunMetadata, and the Keras model as a conceptual graph", async () => {
    const app = hostPlugin(plugin, provider());
    const [, op] = await text(app.request(`${P}/graph?run=train&tag=trace`));
    expect(op).toMatch(/^node \{\n {2}name: "a"\n {2}op: "Const"\n/);
    expect(op).toContain('versions {\n  producer: 1286\n}\n');
    const [, keras] = await text(app.request(`${P}/graph?run=train&tag=keras&conceptual=true`));
    expect(keras).toBe(
      'node {\n  name: "seq/dense"\n  attr {\n    key: "dtype"\n    value {\n      type: DT_FLOAT\n    }\n  }\n  attr {\n    key: "keras_class"\n    value {\n      s: "Dense"\n    }\n  }\n}\n' +
        'node {\n  name: "seq/drop"\n  input: "seq/dense"\n  attr {\n    key: "dtype"\n    value {\n      type: DT_FLOAT\n    }\n  }\n  attr {\n    key: "keras_class"\n    value {\n      s: "Dropout"\n    }\n  }\n}\n',
    );
  });

  it.each([
    ['no run', `${P}/graph`, 400, /run/],
    ['a limit that is not an integer', `${P}/graph?run=train&limit_attr_size=1.5&large_attrs_key=k`, 400, /limit_attr_size.*integer.*1\.5/],
    ['a limit without a key', `${P}/graph?run=train&limit_attr_size=10`, 400, /large_attrs_key/],
    ['a limit of 0', `${P}/graph?run=train&limit_attr_size=0&large_attrs_key=k`, 400, /> 0, but is 0/],
    ['an unknown run', `${P}/graph?run=nope`, 404, /nope/],
    ['a tag with only a profile', `${P}/graph?run=train&tag=step1`, 404, /step1/],
    ['a conceptual graph of a tag that has none', `${P}/graph?run=train&tag=trace&conceptual=true`, 404, /trace/],
  ])('answers %s', async (_, url, status, message) => {
    const [got, body] = await text(hostPlugin(plugin, provider()).request(url));
    expect(got).toBe(status);
    expect(body).toMatch(message);
  });
});

describe('run_metadata', () => {
  it('serves the RunMetadata of a tag, tagged or summary, as protobuf text', async () => {
    const app = hostPlugin(plugin, provider());
    const [status, body, type] = await text(app.request(`${P}/run_metadata?run=train&tag=step1`));
    expect([status, type]).toEqual([200, 'text/x-protobuf; charset=utf-8']);
    expect(body).toBe(
      'step_stats {\n  dev_stats {\n    device: "/job:localhost/replica:0/task:0/device:CPU:0"\n    node_stats {\n      node_name: "dense/MatMul"\n' +
        '      all_start_micros: 1000\n      all_end_rel_micros: 12\n      memory {\n        allocator_name: "cpu"\n        total_bytes: 4096\n      }\n    }\n  }\n}\n',
    );
    expect((await app.request(`${P}/run_metadata?run=train&tag=trace`)).status).toBe(200);
    expect((await app.request(`${P}/run_metadata?run=train&tag=keras`)).status).toBe(404);
    expect((await app.request(`${P}/run_metadata?run=train`)).status).toBe(400);
  });
});

describe('graph_json', () => {
  it('gives the nodes with inputs, short attrs, output shapes and dtype, large values elided', async () => {
    const res = await hostPlugin(plugin, provider()).request(`${P}/graph_json?run=train`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const g = (await res.json()) as GraphJson;
    expect([g.run, g.tag, g.conceptual, g.functions, g.runMetadata]).toEqual(['train', null, false, [], undefined]);
    expect(g.nodes.map((n) => n.name)).toEqual(['x', 'dense/kernel', 'dense/MatMul', 'dense/Relu']);
    expect(g.nodes[3]).toEqual({ name: 'dense/Relu', op: 'Relu', inputs: ['dense/MatMul', '^x'], device: '', attr: { T: 'DT_FLOAT' }, outputShapes: [[-1, 32]], dtype: 'float' });
    expect(g.nodes[1]!.attr).toEqual({ dtype: 'DT_FLOAT', value: 'float [64,32] (8207 bytes)' });
    expect(g.elided).toEqual({ count: 1, bytes: 8210 }); // the AttrValue: the tensor and 3 bytes around it
  });

  it("adds each node's cost when the tag has a RunMetadata; a profile-only tag shows the run's graph", async () => {
    const app = hostPlugin(plugin, provider());
    const op = (await (await app.request(`${P}/graph_json?run=train&tag=trace`)).json()) as GraphJson;
    expect(op.nodes.map((n) => n.name)).toEqual(['a', 'b']);
    expect(op.runMetadata).toEqual({ b: { computeMicros: 10, memoryBytes: 64, device: '/job:localhost/replica:0/task:0/device:CPU:0' } });
    const profile = (await (await app.request(`${P}/graph_json?run=train&tag=step1`)).json()) as GraphJson;
    expect([profile.tag, profile.nodes.length]).toEqual(['step1', 4]);
    expect(profile.runMetadata!['dense/MatMul']).toMatchObject({ computeMicros: 12, memoryBytes: 4096 });
    const keras = (await (await app.request(`${P}/graph_json?run=train&tag=keras&conceptual=true`)).json()) as GraphJson;
    expect(keras.nodes.map((n) => [n.name, n.op, n.inputs, n.dtype])).toEqual([
      ['seq/dense', 'Dense', [], 'float'],
      ['seq/drop', 'Dropout', ['seq/dense'], 'float'],
    ]);
  });

  it("lists a TF2 graph's functions with their arguments and bodies", async () => {
    const bytes = graphBytes([testNode('call', 'StatefulPartitionedCall')], {
      library: { function: [{ signature: { name: 'fn', input_arg: [{ name: 'x', type: 1 }], output_arg: [{ name: 'y', type: 1 }] }, node_def: [testNode('neg', 'Neg', ['x'])], ret: { y: 'neg:y:0' } }] },
    });
    const data = new MemoryProvider().addBlobSequences('r', '__run_graph__', point(bytes), { pluginName: 'graphs' });
    const g = (await (await hostPlugin(plugin, data).request(`${P}/graph_json?run=r`)).json()) as GraphJson;
    expect(g.functions).toEqual([
      { name: 'fn', inputArgs: ['x'], outputArgs: ['y'], nodes: [{ name: 'neg', op: 'Neg', inputs: ['x'], device: '', attr: { T: 'DT_FLOAT' }, outputShapes: [[1, 4]], dtype: 'float' }] },
    ]);
  });
});

describe('caching', () => {
  it('reads and parses a graph once, and again when a new one is written', async () => {
    const data = provider();
    let reads = 0;
    const readBlob = data.readBlob.bind(data);
    data.readBlob = (key) => {
      reads++;
      return readBlob(key);
    };
    const app = hostPlugin(plugin, data);
    const first = await text(app.request(`${P}/graph?run=train`));
    const json = await text(app.request(`${P}/graph_json?run=train`));
    expect(await text(app.request(`${P}/graph?run=train`))).toEqual(first);
    expect(await text(app.request(`${P}/graph_json?run=train`))).toEqual(json);
    expect(reads).toBe(1);
    data.addBlobSequences('train', '__run_graph__', point(graphBytes([testNode('only', 'NoOp')]), 1), { pluginName: 'graphs' });
    const [, second] = await text(app.request(`${P}/graph?run=train`));
    expect(second).toMatch(/^node \{\n {2}name: "only"/);
    expect(reads).toBe(2);
  });
});
