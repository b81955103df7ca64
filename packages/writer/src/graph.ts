/**
 * A GraphDef of a tfjs LayersModel, shaped as TensorFlow would trace it: each layer a
 * name scope holding its variables and ops (Dense: kernel, bias, MatMul, BiasAdd and
 * the activation), wired by the layers' inbound connections, each op with its output
 * shape, so that TensorBoard's graph view shows expandable layers.
 */
import { DT } from './messages.js';
import { ProtoWriter } from './proto.js';

/** What is read of a tfjs layer (structural, so tfjs is not needed at run time). */
export interface LayerLike {
  readonly name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  readonly outputShape: unknown;
  readonly inboundNodes: readonly { readonly inboundLayers: readonly LayerLike[] }[];
  readonly weights?: readonly { readonly originalName: string; readonly shape: readonly (number | null)[] }[];
}

/** What is read of a tfjs LayersModel; a `tf.LayersModel` is one. */
export interface ModelLike {
  readonly layers: readonly LayerLike[];
  readonly inputs: readonly { readonly name: string; readonly shape: readonly (number | null)[] }[];
  /** The Keras model config (tfjs: `model.toJSON(null, false)`). */
  toJSON?(unused?: null, returnString?: boolean): unknown;
}

type Shape = readonly (number | null)[];

interface Node {
  name: string;
  op: string;
  inputs: string[];
  /** The output shape of an op, or the value shape of a variable. */
  shape?: Shape | undefined;
  variable?: boolean;
}

const ACTIVATION_OPS: Record<string, string> = {
  relu: 'Relu',
  relu6: 'Relu6',
  elu: 'Elu',
  selu: 'Selu',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softmax: 'Softmax',
  softplus: 'Softplus',
  softsign: 'Softsign',
  swish: 'Swish',
  gelu: 'Gelu',
};

/** TensorFlow's op for layers that are one op (others keep their class name). */
const LAYER_OPS: Record<string, string> = {
  Add: 'AddV2',
  Subtract: 'Sub',
  Multiply: 'Mul',
  Average: 'Mean',
  Maximum: 'Maximum',
  Minimum: 'Minimum',
  Concatenate: 'ConcatV2',
  MaxPooling1D: 'MaxPool',
  MaxPooling2D: 'MaxPool',
  AveragePooling1D: 'AvgPool',
  AveragePooling2D: 'AvgPool',
  GlobalAveragePooling1D: 'Mean',
  GlobalAveragePooling2D: 'Mean',
  GlobalMaxPooling1D: 'Max',
  GlobalMaxPooling2D: 'Max',
  BatchNormalization: 'FusedBatchNormV3',
  Embedding: 'ResourceGather',
};

/** The graph's nodes, in order. */
export function modelNodes(model: ModelLike): Node[] {
  const nodes: Node[] = [];
  const outputOf = new Map<string, string>();
  for (const input of model.inputs) {
    const name = input.name.replace(/:\d+$/, '');
    nodes.push({ name, op: 'Placeholder', inputs: [], shape: input.shape });
  }
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const scope = layer.name;
    const shape = firstShape(layer.outputShape);
    const inbound = layer.inboundNodes[0]?.inboundLayers ?? [];
    let inputs = inbound.map((l) => outputOf.get(l.name) ?? l.name);
    if (inputs.length === 0 && cls !== 'InputLayer' && model.inputs[0]) inputs = [model.inputs[0].name.replace(/:\d+$/, '')];
    if (cls === 'InputLayer') {
      if (!nodes.some((n) => n.name === scope)) nodes.push({ name: scope, op: 'Placeholder', inputs: [], shape });
      outputOf.set(scope, scope);
      continue;
    }
    const config = layer.getConfig();
    let last: string;
    if (cls === 'Dense' || cls === 'Conv2D' || cls === 'Conv1D') {
      const matmul = cls === 'Dense' ? 'MatMul' : cls;
      const weightShape = (w: string) => layer.weights?.find((v) => v.originalName.endsWith(`/${w}`))?.shape;
      nodes.push({ name: `${scope}/kernel`, op: 'VarHandleOp', inputs: [], shape: weightShape('kernel'), variable: true });
      nodes.push({ name: `${scope}/${matmul}`, op: matmul, inputs: [...inputs, `${scope}/kernel`], shape });
      last = `${scope}/${matmul}`;
      if (config.useBias !== false) {
        nodes.push({ name: `${scope}/bias`, op: 'VarHandleOp', inputs: [], shape: weightShape('bias'), variable: true });
        nodes.push({ name: `${scope}/BiasAdd`, op: 'BiasAdd', inputs: [last, `${scope}/bias`], shape });
        last = `${scope}/BiasAdd`;
      }
      const act = ACTIVATION_OPS[String(config.activation ?? 'linear')];
      if (act) {
        nodes.push({ name: `${scope}/${act}`, op: act, inputs: [last], shape });
        last = `${scope}/${act}`;
      }
    } else if (cls === 'Flatten' || cls === 'Reshape') {
      last = `${scope}/Reshape`;
      nodes.push({ name: last, op: 'Reshape', inputs, shape });
    } else if (cls === 'Dropout') {
      last = `${scope}/Identity`;
      nodes.push({ name: last, op: 'Identity', inputs, shape });
    } else if (cls === 'Activation') {
      const act = ACTIVATION_OPS[String(config.activation)] ?? 'Identity';
      last = `${scope}/${act}`;
      nodes.push({ name: last, op: act, inputs, shape });
    } else {
      const op = LAYER_OPS[cls] ?? cls;
      last = `${scope}/${op}`;
      nodes.push({ name: last, op, inputs, shape });
    }
    outputOf.set(scope, last);
  }
  return nodes;
}

/** The GraphDef bytes of `model`. */
export function modelGraphDef(model: ModelLike): Uint8Array {
  const graph = new ProtoWriter();
  for (const n of modelNodes(model)) {
    const node = new ProtoWriter().string(1, n.name).string(2, n.op);
    for (const input of n.inputs) node.string(3, input);
    const float = new ProtoWriter().varint(6, DT.FLOAT);
    if (n.variable) {
      node.message(5, attr('dtype', float));
      if (n.shape) node.message(5, attr('shape', new ProtoWriter().message(7, shapeProto(n.shape))));
    } else {
      node.message(5, attr('T', float));
      if (n.shape) node.message(5, attr('_output_shapes', new ProtoWriter().message(1, new ProtoWriter().message(7, shapeProto(n.shape)))));
    }
    graph.message(1, node);
  }
  graph.message(4, new ProtoWriter().varint(1, 1286));
  return graph.finish();
}

/** One entry of NodeDef's attr map: key, AttrValue. */
function attr(key: string, value: ProtoWriter): ProtoWriter {
  return new ProtoWriter().string(1, key).message(2, value);
}

/** A TensorShapeProto; unknown sizes (null) as -1. */
function shapeProto(shape: Shape): ProtoWriter {
  const w = new ProtoWriter();
  for (const d of shape) w.message(2, new ProtoWriter().varint(1, d ?? -1));
  return w;
}

function firstShape(shape: unknown): Shape | undefined {
  if (!Array.isArray(shape)) return undefined;
  return Array.isArray(shape[0]) ? (shape[0] as (number | null)[]) : (shape as (number | null)[]);
}
