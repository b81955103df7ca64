/**
 * A graph written by @tb/writer's SummaryWriter.addGraph (a tfjs model), read back through
 * the log-root multiplexer and served by the routes: the run graph, its JSON, and the
 * Keras config as the conceptual graph.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostPlugin, loadLogRoot, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import type { GraphJson } from './graph-json.js';
import plugin from './index.js';

const P = '/data/plugin/graphs';
let dir: string;
let root: LoadedLogRoot;
let app: TestApp;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(path.join(os.tmpdir(), 'graphs-roundtrip-'));
  const w = new SummaryWriter(path.join(dir, 'train'));
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', name: 'hidden' }), tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' })],
  });
  w.addGraph(model);
  await w.close();
  model.dispose();
  root = await loadLogRoot(dir);
  app = hostPlugin(plugin, root.provider);
});

afterAll(async () => {
  await root.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lists the run graph and the Keras model', async () => {
  expect(await (await app.request(`${P}/info`)).json()).toEqual({
    train: { run: 'train', run_graph: true, tags: { keras: { tag: 'keras', conceptual_graph: true, op_graph: false, profile: false } } },
  });
});

it('serves the op graph as text and as JSON with shapes and dtypes', async () => {
  const text = await (await app.request(`${P}/graph?run=train`)).text();
  expect(text).toContain('node {\n  name: "hidden/MatMul"\n  op: "MatMul"\n  input: "hidden_input"\n  input: "hidden/kernel"\n');
  expect(text.endsWith('versions {\n  producer: 1286\n}\n')).toBe(true);
  const g = (await (await app.request(`${P}/graph_json?run=train`)).json()) as GraphJson;
  expect(g.nodes.map((n) => `${n.name} ${n.op}`)).toEqual([
    'hidden_input Placeholder',
    'hidden/kernel VarHandleOp',
    'hidden/MatMul MatMul',
    'hidden/bias VarHandleOp',
    'hidden/BiasAdd BiasAdd',
    'hidden/Relu Relu',
    'out/kernel VarHandleOp',
    'out/MatMul MatMul',
    'out/bias VarHandleOp',
    'out/BiasAdd BiasAdd',
    'out/Softmax Softmax',
  ]);
  const softmax = g.nodes.at(-1)!;
  expect([softmax.inputs, softmax.outputShapes, softmax.dtype]).toEqual([['out/BiasAdd'], [[-1, 3]], 'float']);
  expect(g.nodes[1]!.attr).toEqual({ dtype: 'DT_FLOAT', shape: '[4,8]' });
});

it('serves the Keras config as the conceptual graph', async () => {
  const g = (await (await app.request(`${P}/graph_json?run=train&tag=keras&conceptual=true`)).json()) as GraphJson;
  expect(g.nodes.map((n) => [n.name, n.op, n.inputs])).toEqual([
    ['sequential_1/hidden', 'Dense', []],
    ['sequential_1/out', 'Dense', ['sequential_1/hidden']],
  ]);
  const text = await (await app.request(`${P}/graph?run=train&tag=keras&conceptual=true`)).text();
  expect(text).toContain('  attr {\n    key: "keras_class"\n    value {\n      s: "Dense"\n    }\n  }\n');
});
