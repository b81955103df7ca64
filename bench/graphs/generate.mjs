#!/usr/bin/env node
// Writes a log root with one big graph for the graphs benchmark: a run `train` whose event
// file holds a GraphDef of about 50,000 nodes, shaped like a TF2 transformer/conv model:
// scopes 6 deep (model/stage_1/block_3/attention/q_proj/MatMul), realistic ops and attrs
// (VarHandleOp, ReadVariableOp, MatMul, BiasAdd, Conv2D, FusedBatchNormV3, Softmax, Const
// tensors, some over 1 KB), `_output_shapes` on every op, devices, control inputs, and a
// small function library; plus a tagged RunMetadata (`step_100`) with step stats for every
// node. The protobuf wire format is written by hand here (independent of the plugin's
// decoder); events are framed with @tb/core's encoders.
//
//   node bench/graphs/generate.mjs [--out DIR] [--nodes N] [--force]
//
// Skips the work when DIR/MANIFEST.json already describes the same node count.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeEvent, encodeRecord } from '@tb/core/events';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const DEFAULT_OUT = path.join(REPO_ROOT, '.bench-data', 'graphs');
export const RUN = 'train';
export const PROFILE_TAG = 'step_100';
const FORMAT = 2;

// ---------------------------------------------------------------------------------------
// A minimal protobuf writer: messages as arrays of byte chunks.

const utf8 = new TextEncoder();

/** @param {number} v */
function varint(v) {
  const out = [];
  let n = BigInt.asUintN(64, BigInt(v));
  while (n >= 0x80n) {
    out.push(Number(n & 0x7fn) | 0x80);
    n >>= 7n;
  }
  out.push(Number(n));
  return Uint8Array.from(out);
}

class Msg {
  constructor() {
    /** @type {Uint8Array[]} */
    this.parts = [];
    this.length = 0;
  }
  /** @param {Uint8Array} b */
  push(b) {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  /** @param {number} no @param {number} v */
  int(no, v) {
    return v === 0 ? this : this.push(varint(no * 8)).push(varint(v));
  }
  /** @param {number} no @param {boolean} v */
  bool(no, v) {
    return v ? this.int(no, 1) : this;
  }
  /** @param {number} no @param {Uint8Array} b */
  bytes(no, b) {
    return this.push(varint(no * 8 + 2)).push(varint(b.length)).push(b);
  }
  /** @param {number} no @param {string} s */
  str(no, s) {
    return s === '' ? this : this.bytes(no, utf8.encode(s));
  }
  /** @param {number} no @param {Msg} m */
  msg(no, m) {
    this.push(varint(no * 8 + 2)).push(varint(m.length));
    for (const p of m.parts) this.push(p);
    return this;
  }
  /** @param {number} no @param {number} v */
  float(no, v) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return this.push(varint(no * 8 + 5)).push(b);
  }
  finish() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------
// TensorFlow messages.

const DT = { FLOAT: 1, INT32: 3, STRING: 7, RESOURCE: 20 };

/** @param {(number | null)[]} dims TensorShapeProto */
function shape(dims) {
  const m = new Msg();
  for (const d of dims) m.msg(2, new Msg().int(1, d ?? -1));
  return m;
}

const attrValue = {
  /** @param {number} t */ type: (t) => new Msg().int(6, t),
  /** @param {string} s */ s: (s) => new Msg().bytes(2, utf8.encode(s)),
  /** @param {number} f */ f: (f) => new Msg().float(4, f),
  /** @param {boolean} b */ b: (b) => new Msg().push(varint(5 * 8)).push(varint(b ? 1 : 0)),
  /** @param {(number | null)[]} dims */ shape: (dims) => new Msg().msg(7, shape(dims)),
  /** @param {number[]} ints */ ints: (ints) => new Msg().msg(1, new Msg().bytes(3, Uint8Array.from(ints.flatMap((i) => [...varint(i)])))),
  /** @param {(number | null)[][]} shapes */ shapes: (shapes) => {
    const list = new Msg();
    for (const s of shapes) list.msg(7, shape(s));
    return new Msg().msg(1, list);
  },
  /** @param {Msg} tensor */ tensor: (tensor) => new Msg().msg(8, tensor),
  /** @param {string} name */ func: (name) => new Msg().msg(10, new Msg().str(1, name)),
};

/** A float tensor: small ones as float_val, large ones as tensor_content. @param {number[]} dims @param {() => number} rand */
function floatTensor(dims, rand) {
  const n = dims.reduce((a, b) => a * b, 1);
  const t = new Msg().int(1, DT.FLOAT).msg(2, shape(dims));
  if (n === 1) return t.bytes(5, (() => { const b = new Uint8Array(4); new DataView(b.buffer).setFloat32(0, rand(), true); return b; })());
  const content = new Uint8Array(n * 4);
  const view = new DataView(content.buffer);
  for (let i = 0; i < n; i++) view.setFloat32(i * 4, rand() - 0.5, true);
  return t.bytes(4, content);
}

/** An int32 vector as tensor_content. @param {number[]} values */
function intTensor(values) {
  const content = new Uint8Array(values.length * 4);
  const view = new DataView(content.buffer);
  values.forEach((v, i) => view.setInt32(i * 4, v, true));
  return new Msg().int(1, DT.INT32).msg(2, shape([values.length])).bytes(4, content);
}

/**
 * @typedef {{ name: string, op: string, inputs?: string[], device?: string, attrs?: Record<string, Msg>, shapes?: (number | null)[][] }} NodeSpec
 */

/** NodeDef bytes: attrs written sorted by key, `_output_shapes` among them. @param {NodeSpec} n */
function nodeDef(n) {
  const m = new Msg().str(1, n.name).str(2, n.op);
  for (const input of n.inputs ?? []) m.str(3, input);
  m.str(4, n.device ?? '');
  const attrs = { ...(n.attrs ?? {}) };
  if (n.shapes) attrs._output_shapes = attrValue.shapes(n.shapes);
  for (const key of Object.keys(attrs).sort()) m.msg(5, new Msg().str(1, key).msg(2, attrs[key]));
  return m;
}

// ---------------------------------------------------------------------------------------
// The model: stages of blocks, each block an attention layer, an MLP and a conv layer.

/** A deterministic generator of numbers in [0, 1). @param {number} seed */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GPU = '/job:localhost/replica:0/task:0/device:GPU:0';
const CPU = '/job:localhost/replica:0/task:0/device:CPU:0';
const BATCH = 32;
const WIDTH = 256;

/**
 * The nodes of the model, in graph order, until there are `count` of them.
 * @param {number} count
 * @returns {NodeSpec[]}
 */
export function modelNodes(count) {
  const rand = mulberry32(42);
  /** @type {NodeSpec[]} */
  const nodes = [];
  const add = (/** @type {NodeSpec} */ n) => {
    nodes.push(n);
    return n.name;
  };
  const T = { T: attrValue.type(DT.FLOAT) };
  add({ name: 'model/inputs/tokens', op: 'Placeholder', device: CPU, attrs: { dtype: attrValue.type(DT.FLOAT), shape: attrValue.shape([BATCH, WIDTH]) }, shapes: [[BATCH, WIDTH]] });
  let x = add({ name: 'model/inputs/embedding/Identity', op: 'Identity', inputs: ['model/inputs/tokens'], device: GPU, attrs: T, shapes: [[BATCH, WIDTH]] });

  /** Kernel, ReadVariableOp, MatMul, bias, BiasAdd and an activation under `scope`. */
  const dense = (/** @type {string} */ scope, /** @type {string} */ input, /** @type {number} */ units, /** @type {string | null} */ act) => {
    const varAttrs = (/** @type {number[]} */ dims) => ({
      _class: new Msg().msg(1, new Msg().bytes(2, utf8.encode(`loc:@${scope}/kernel`))),
      allowed_devices: new Msg().msg(1, new Msg()),
      container: attrValue.s(''),
      dtype: attrValue.type(DT.FLOAT),
      shape: attrValue.shape(dims),
      shared_name: attrValue.s(`${scope}/kernel`),
    });
    add({ name: `${scope}/kernel`, op: 'VarHandleOp', device: GPU, attrs: varAttrs([WIDTH, units]), shapes: [[]] });
    add({ name: `${scope}/MatMul/ReadVariableOp`, op: 'ReadVariableOp', inputs: [`${scope}/kernel`], device: GPU, attrs: { dtype: attrValue.type(DT.FLOAT) }, shapes: [[WIDTH, units]] });
    let y = add({
      name: `${scope}/MatMul`,
      op: 'MatMul',
      inputs: [input, `${scope}/MatMul/ReadVariableOp`],
      device: GPU,
      attrs: { ...T, transpose_a: attrValue.b(false), transpose_b: attrValue.b(false) },
      shapes: [[BATCH, units]],
    });
    add({ name: `${scope}/bias`, op: 'VarHandleOp', device: GPU, attrs: varAttrs([units]), shapes: [[]] });
    add({ name: `${scope}/BiasAdd/ReadVariableOp`, op: 'ReadVariableOp', inputs: [`${scope}/bias`], device: GPU, attrs: { dtype: attrValue.type(DT.FLOAT) }, shapes: [[units]] });
    y = add({ name: `${scope}/BiasAdd`, op: 'BiasAdd', inputs: [y, `${scope}/BiasAdd/ReadVariableOp`], device: GPU, attrs: { ...T, data_format: attrValue.s('NHWC') }, shapes: [[BATCH, units]] });
    if (act) y = add({ name: `${scope}/${act}`, op: act, inputs: [y], device: GPU, attrs: T, shapes: [[BATCH, units]] });
    return y;
  };

  let blockNo = 0;
  outer: for (let stage = 0; ; stage++) {
    for (let b = 0; b < 8; b++, blockNo++) {
      const block = `model/stage_${stage}/block_${b}`;
      // Attention: q, k, v projections, scores, softmax, context, output projection.
      const att = `${block}/attention`;
      const q = dense(`${att}/q_proj`, x, WIDTH, null);
      const k = dense(`${att}/k_proj`, x, WIDTH, null);
      const v = dense(`${att}/v_proj`, x, WIDTH, null);
      const heads = add({ name: `${att}/heads/shape`, op: 'Const', device: GPU, attrs: { dtype: attrValue.type(DT.INT32), value: attrValue.tensor(intTensor([BATCH, 8, 32, -1])) }, shapes: [[4]] });
      const qh = add({ name: `${att}/heads/Reshape`, op: 'Reshape', inputs: [q, heads], device: GPU, attrs: { ...T, Tshape: attrValue.type(DT.INT32) }, shapes: [[BATCH, 8, 32, null]] });
      const scale = add({ name: `${att}/scores/scale`, op: 'Const', device: GPU, attrs: { dtype: attrValue.type(DT.FLOAT), value: attrValue.tensor(floatTensor([], () => 0.17677669)) }, shapes: [[]] });
      const scores = add({ name: `${att}/scores/BatchMatMulV2`, op: 'BatchMatMulV2', inputs: [qh, k], device: GPU, attrs: { ...T, adj_x: attrValue.b(false), adj_y: attrValue.b(true) }, shapes: [[BATCH, 8, 32, 32]] });
      const scaled = add({ name: `${att}/scores/Mul`, op: 'Mul', inputs: [scores, scale], device: GPU, attrs: T, shapes: [[BATCH, 8, 32, 32]] });
      const probs = add({ name: `${att}/softmax/Softmax`, op: 'Softmax', inputs: [scaled], device: GPU, attrs: T, shapes: [[BATCH, 8, 32, 32]] });
      const context = add({ name: `${att}/context/BatchMatMulV2`, op: 'BatchMatMulV2', inputs: [probs, v], device: GPU, attrs: { ...T, adj_x: attrValue.b(false), adj_y: attrValue.b(false) }, shapes: [[BATCH, WIDTH]] });
      const out = dense(`${att}/out_proj`, context, WIDTH, null);
      const res1 = add({ name: `${att}/residual/AddV2`, op: 'AddV2', inputs: [x, out], device: GPU, attrs: T, shapes: [[BATCH, WIDTH]] });
      // MLP: two dense layers with GELU.
      const mlp = `${block}/mlp`;
      const h = dense(`${mlp}/fc1`, res1, WIDTH, 'Gelu');
      const h2 = dense(`${mlp}/fc2`, h, WIDTH, null);
      const res2 = add({ name: `${mlp}/residual/AddV2`, op: 'AddV2', inputs: [res1, h2, `^${att}/softmax/Softmax`], device: GPU, attrs: T, shapes: [[BATCH, WIDTH]] });
      // Conv: Conv2D, FusedBatchNormV3, Relu on a reshaped view; every 16th block keeps a
      // constant filter over 1 KB in the graph (limit_attr_size drops it).
      const conv = `${block}/conv`;
      const img = add({ name: `${conv}/to_image/shape`, op: 'Const', device: GPU, attrs: { dtype: attrValue.type(DT.INT32), value: attrValue.tensor(intTensor([BATCH, 16, 16, 1])) }, shapes: [[4]] });
      const image = add({ name: `${conv}/to_image/Reshape`, op: 'Reshape', inputs: [res2, img], device: GPU, attrs: { ...T, Tshape: attrValue.type(DT.INT32) }, shapes: [[BATCH, 16, 16, 1]] });
      const filter =
        blockNo % 16 === 0
          ? add({ name: `${conv}/conv2d/filter`, op: 'Const', device: GPU, attrs: { dtype: attrValue.type(DT.FLOAT), value: attrValue.tensor(floatTensor([3, 3, 1, 32], rand)) }, shapes: [[3, 3, 1, 32]] })
          : add({ name: `${conv}/conv2d/filter`, op: 'ReadVariableOp', inputs: [`${block}/mlp/fc1/kernel`], device: GPU, attrs: { dtype: attrValue.type(DT.FLOAT) }, shapes: [[3, 3, 1, 32]] });
      const c = add({
        name: `${conv}/conv2d/Conv2D`,
        op: 'Conv2D',
        inputs: [image, filter],
        device: GPU,
        attrs: {
          ...T,
          data_format: attrValue.s('NHWC'),
          dilations: attrValue.ints([1, 1, 1, 1]),
          explicit_paddings: attrValue.ints([]),
          padding: attrValue.s('SAME'),
          strides: attrValue.ints([1, 1, 1, 1]),
          use_cudnn_on_gpu: attrValue.b(true),
        },
        shapes: [[BATCH, 16, 16, 32]],
      });
      const bn = add({
        name: `${conv}/batch_norm/FusedBatchNormV3`,
        op: 'FusedBatchNormV3',
        inputs: [c, `${conv}/conv2d/filter`, `${conv}/conv2d/filter`],
        device: GPU,
        attrs: { ...T, U: attrValue.type(DT.FLOAT), data_format: attrValue.s('NHWC'), epsilon: attrValue.f(0.001), exponential_avg_factor: attrValue.f(1), is_training: attrValue.b(true) },
        shapes: [[BATCH, 16, 16, 32], [32], [32], [32], [32], [null]],
      });
      const relu = add({ name: `${conv}/activation/Relu`, op: 'Relu', inputs: [bn], device: GPU, attrs: T, shapes: [[BATCH, 16, 16, 32]] });
      const pool = add({ name: `${conv}/pool/Mean`, op: 'Mean', inputs: [relu, `${conv}/to_image/shape`], device: GPU, attrs: { ...T, Tidx: attrValue.type(DT.INT32), keep_dims: attrValue.b(false) }, shapes: [[BATCH, WIDTH]] });
      x = add({ name: `${block}/output/AddV2`, op: 'AddV2', inputs: [res2, pool], device: GPU, attrs: T, shapes: [[BATCH, WIDTH]] });
      if (nodes.length >= count - 2) break outer;
    }
  }
  nodes.length = Math.max(0, Math.min(nodes.length, count - 2));
  x = nodes.at(-1)?.name ?? x;
  add({ name: 'model/head/logits/Identity', op: 'Identity', inputs: [x], device: GPU, attrs: T, shapes: [[BATCH, WIDTH]] });
  add({ name: 'model/head/call', op: 'StatefulPartitionedCall', inputs: [x], device: GPU, attrs: { Tin: new Msg().msg(1, new Msg().bytes(6, Uint8Array.of(DT.FLOAT))), f: attrValue.func('__inference_train_step_901') }, shapes: [[]] });
  return nodes;
}

/** A FunctionDef of `n` nodes (the library of a TF2 graph). @param {string} name @param {number} n */
function functionDef(name, n) {
  const sig = new Msg().str(1, name).msg(2, new Msg().str(1, 'x').int(3, DT.FLOAT)).msg(3, new Msg().str(1, 'identity').int(3, DT.FLOAT)).bool(17, true);
  const f = new Msg().msg(1, sig);
  let prev = 'x';
  for (let i = 0; i < n; i++) {
    const op = i % 2 ? 'Mul' : 'AddV2';
    f.msg(3, nodeDef({ name: `step/${op.toLowerCase()}_${i}`, op, inputs: [prev, prev], attrs: { T: attrValue.type(DT.FLOAT) }, shapes: [[BATCH, WIDTH]] }));
    prev = `step/${op.toLowerCase()}_${i}:z:0`;
  }
  f.msg(4, new Msg().str(1, 'identity').str(2, prev));
  return f;
}

/** The GraphDef bytes of `nodes`, with a one-function library. @param {NodeSpec[]} nodes */
export function graphDefBytes(nodes) {
  const g = new Msg();
  for (const n of nodes) g.msg(1, nodeDef(n));
  g.msg(2, new Msg().msg(1, functionDef('__inference_train_step_901', 200)));
  g.msg(4, new Msg().int(1, 1645).int(2, 12));
  return g.finish();
}

/** A RunMetadata with step stats for every node. @param {NodeSpec[]} nodes */
export function runMetadataBytes(nodes) {
  const rand = mulberry32(7);
  const dev = new Msg().str(1, GPU);
  let t = 1_700_000_000_000_000;
  for (const n of nodes) {
    const micros = 1 + Math.floor(rand() * 200);
    const bytes = n.op === 'VarHandleOp' ? 0 : 4 * BATCH * WIDTH;
    const stats = new Msg()
      .str(1, n.name)
      .int(2, t)
      .int(3, 1)
      .int(4, micros)
      .int(5, micros + 2)
      .msg(6, new Msg().str(1, 'GPU_0_bfc').int(2, bytes).int(3, bytes).int(4, 0))
      .str(8, `${n.name} = ${n.op}(${(n.inputs ?? []).join(', ')})`);
    dev.msg(2, stats);
    t += micros + 3;
  }
  return new Msg().msg(1, new Msg().msg(1, dev)).finish();
}

/** Frames events into one event file's bytes. @param {object[]} events */
function eventFile(events) {
  const records = events.map((e) => encodeRecord(encodeEvent(e)));
  return Buffer.concat(records);
}

/**
 * Writes the log root (unless its manifest says it is there already) and returns the manifest.
 * @param {{ out?: string, nodes?: number, force?: boolean }} o
 */
export function generate(o = {}) {
  const out = o.out ?? DEFAULT_OUT;
  const count = o.nodes ?? 50_000;
  const manifestPath = path.join(out, 'MANIFEST.json');
  if (!o.force) {
    try {
      const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      if (m.format === FORMAT && m.nodes === count && fs.statSync(path.join(out, m.file)).size === m.fileBytes) return { ...m, reused: true };
    } catch {
      // Not there yet, or stale: write it.
    }
  }
  const started = performance.now();
  const nodes = modelNodes(count);
  const graphDef = graphDefBytes(nodes);
  const runMetadata = runMetadataBytes(nodes);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, RUN), { recursive: true });
  const file = path.join(RUN, 'events.out.tfevents.1700000000.bench-graphs');
  const bytes = eventFile([
    { wallTime: 1_700_000_000, fileVersion: 'brain.Event:2' },
    { wallTime: 1_700_000_001, step: 0, graphDef },
    { wallTime: 1_700_000_002, step: 100, taggedRunMetadata: { tag: PROFILE_TAG, runMetadata } },
  ]);
  fs.writeFileSync(path.join(out, file), bytes);
  const manifest = {
    format: FORMAT,
    nodes: nodes.length,
    maxDepth: Math.max(...nodes.map((n) => n.name.split('/').length - 1)),
    graphDefBytes: graphDef.length,
    runMetadataBytes: runMetadata.length,
    file,
    fileBytes: bytes.length,
    generateSeconds: (performance.now() - started) / 1000,
  };
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, reused: false };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (/** @type {string} */ name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const nodes = flag('nodes') === undefined ? undefined : Number(flag('nodes'));
  if (nodes !== undefined && !(Number.isInteger(nodes) && nodes > 0)) {
    console.error(`--nodes should be a positive integer, found ${flag('nodes')}`);
    process.exit(2);
  }
  const m = generate({ out: flag('out'), nodes, force: args.includes('--force') });
  const where = path.relative(process.cwd(), path.join(flag('out') ?? DEFAULT_OUT, m.file));
  console.log(
    `${m.reused ? 'reused' : 'wrote'} ${where}: ${m.nodes.toLocaleString('en-US')} nodes (scopes up to ${m.maxDepth} deep), ` +
      `GraphDef ${(m.graphDefBytes / 1e6).toFixed(1)} MB, RunMetadata ${(m.runMetadataBytes / 1e6).toFixed(1)} MB` +
      (m.reused ? '' : ` in ${m.generateSeconds.toFixed(1)} s`),
  );
}
