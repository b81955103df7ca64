/**
 * The conceptual graph: a Keras model's config (`model.to_json()`, written by the Keras
 * TensorBoard callback as the `graph_keras_model` summary) as a GraphDef of layers, as
 * TensorBoard's `keras_model_to_graph_def` (plugins/graph/keras_util.py) builds it:
 *
 * - layers are walked in preorder; a nested model is a name scope (`sequential/dense`);
 * - each layer is a node with attrs `keras_class` (its class name) and `dtype` (when its
 *   dtype, or its dtype policy's `config.name`, is a TensorFlow dtype name);
 * - inputs: a Functional model's `inbound_nodes` (the Keras 3 form, `args` with
 *   `keras_history`), else the previous layer (Sequential), with nested models' inputs and
 *   outputs linked to the layers inside them.
 */
import { InvalidArgumentError } from '@tb/core/plugin';
import { newMsg, setField, type Msg } from './proto/message.js';
import { DATA_TYPE_NAMES } from './proto/schema.js';
import { pythonFloatRepr } from './proto/text-format.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** TensorFlow dtype names (`float32`, `half`, `int64_ref`...) -> DataType numbers. */
const DTYPES_BY_NAME: ReadonlyMap<string, number> = (() => {
  const names: [string, number][] = [];
  const short: Record<string, string> = {
    DT_HALF: 'float16', DT_FLOAT: 'float32', DT_DOUBLE: 'float64', DT_INT32: 'int32', DT_UINT8: 'uint8', DT_UINT16: 'uint16',
    DT_UINT32: 'uint32', DT_UINT64: 'uint64', DT_INT16: 'int16', DT_INT8: 'int8', DT_STRING: 'string', DT_COMPLEX64: 'complex64',
    DT_COMPLEX128: 'complex128', DT_INT64: 'int64', DT_BOOL: 'bool', DT_QINT8: 'qint8', DT_QUINT8: 'quint8', DT_QINT16: 'qint16',
    DT_QUINT16: 'quint16', DT_QINT32: 'qint32', DT_BFLOAT16: 'bfloat16', DT_RESOURCE: 'resource', DT_VARIANT: 'variant',
  };
  for (const [no, name] of DATA_TYPE_NAMES) {
    const plain = short[name.replace(/_REF$/, '')];
    if (plain !== undefined) names.push([name.endsWith('_REF') ? `${plain}_ref` : plain, no]);
  }
  names.push(['half', 19], ['half_ref', 119], ['float', 1], ['float_ref', 101], ['double', 2], ['double_ref', 102]);
  return new Map(names);
})();

/** DataType numbers a Keras config may give as a number (those with a TensorFlow dtype). */
const DTYPE_NUMBERS: ReadonlySet<number> = new Set(DTYPES_BY_NAME.values());

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Python's `str()` of a JSON value, as `"%s" % value` shows it in a name. */
function pyStr(v: Json | undefined): string {
  if (v === undefined || v === null) return 'None';
  if (typeof v === 'string') return v;
  return pyRepr(v);
}

function pyRepr(v: Json): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pythonFloatRepr(v);
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

function configOf(layer: JsonObject): JsonObject {
  const config = layer['config'];
  if (!isObject(config)) throw new InvalidArgumentError(`a Keras layer has no config object (found ${pyRepr(config ?? null)})`);
  return config;
}

function layersOf(layer: JsonObject): Json[] | undefined {
  const layers = configOf(layer)['layers'];
  return layers === undefined || layers === null ? undefined : Array.isArray(layers) ? layers : [];
}

function scoped(scope: string, name: Json | undefined): string {
  return scope ? `${scope}/${pyStr(name)}` : pyStr(name);
}

function* walkLayers(layer: JsonObject): Generator<[string, JsonObject]> {
  yield ['', layer];
  const layers = layersOf(layer);
  if (!layers || layers.length === 0) return;
  const scope = pyStr(configOf(layer)['name']);
  for (const child of layers) {
    if (!isObject(child)) continue;
    for (const [subScope, sublayer] of walkLayers(child)) yield [subScope ? `${scope}/${subScope}` : scope, sublayer];
  }
}

/** [name, size, index] of every inbound node (Keras 3's `inbound_nodes: [{args: [...]}]`). */
function inboundNodes(layer: JsonObject): Json[][] {
  const result: Json[][] = [];
  const inbound = layer['inbound_nodes'];
  if (!Array.isArray(inbound)) return result;
  for (const node of inbound) {
    if (!isObject(node)) continue;
    const args = Array.isArray(node['args']) ? node['args'] : [];
    for (const arg of args) {
      for (const a of Array.isArray(arg) ? arg : [arg]) {
        const config = isObject(a) && isObject(a['config']) ? a['config'] : {};
        const history = config['keras_history'];
        if (Array.isArray(history) && history.length >= 3) result.push(history.slice(0, 3));
      }
    }
  }
  return result;
}

function asList(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

interface WalkState {
  inputToLayer: Map<string, string>;
  modelOutputs: Map<string, string[]>;
  prev: string | undefined;
}

function updateForModel(scope: string, model: JsonObject, state: WalkState): void {
  const config = configOf(model);
  if ((layersOf(model) ?? []).length === 0) throw new InvalidArgumentError(`Keras layer '${pyStr(config['name'])}' has an empty 'layers' list: it is not a model`);
  const name = scoped(scope, config['name']);
  const inputLayers = config['input_layers'];
  const outputLayers = config['output_layers'];
  const inbound = inboundNodes(model);
  const isFunctional = Boolean(asList(inputLayers).length && asList(outputLayers).length);
  const parentIsFunctional = inbound.length > 0;
  if (parentIsFunctional && isFunctional) {
    asList(inputLayers).forEach((input, i) => {
      const from = inbound[i];
      if (from) state.inputToLayer.set(scoped(name, input), scoped(scope, from[0]));
    });
  } else if (parentIsFunctional) {
    state.prev = scoped(scope, inbound[0]![0]);
  } else if (state.prev && isFunctional) {
    const inputs = asList(inputLayers);
    if (inputs.length !== 1) {
      throw new InvalidArgumentError(`Cannot have multi-input Functional model when parent model is not Functional (found ${inputs.length} input layers)`);
    }
    state.inputToLayer.set(scoped(name, inputs[0]), state.prev);
  }
  if (isFunctional) {
    const outputs = asList(outputLayers);
    const normalized = Array.isArray(outputs[0]) ? outputs : [outputs];
    state.modelOutputs.set(name, normalized.map((layer) => scoped(name, asList(layer)[0])));
  } else {
    const layers = layersOf(model) ?? [];
    const last = layers[layers.length - 1];
    state.modelOutputs.set(name, [scoped(name, isObject(last) ? configOf(last)['name'] : undefined)]);
  }
}

function dtypeOf(config: JsonObject): number | undefined {
  const policy = config['dtype'];
  const dtype = isObject(policy) && 'config' in policy ? (isObject(policy['config']) ? policy['config']['name'] : undefined) : policy;
  if (typeof dtype === 'string') return DTYPES_BY_NAME.get(dtype);
  if (typeof dtype === 'number' && DTYPE_NUMBERS.has(dtype)) return dtype;
  return undefined;
}

/** The GraphDef of layers for a Keras model config (the parsed `model.to_json()`). */
export function kerasModelToGraphDef(model: unknown): Msg {
  if (!isObject(model as Json)) throw new InvalidArgumentError(`a Keras model config should be a JSON object, found ${typeof model}`);
  const state: WalkState = { inputToLayer: new Map(), modelOutputs: new Map(), prev: undefined };
  const nodes: Msg[] = [];
  for (const [scope, layer] of walkLayers(model as JsonObject)) {
    if (layersOf(layer) !== undefined) {
      updateForModel(scope, layer, state);
      continue;
    }
    const config = configOf(layer);
    const name = scoped(scope, config['name']);
    const node = newMsg('NodeDef');
    setField(node, 'name', name);
    const attrs = new Map<string, Msg>();
    const className = layer['class_name'];
    if (className !== undefined && className !== null) {
      attrs.set('keras_class', setField(newMsg('AttrValue'), 's', new TextEncoder().encode(pyStr(className))));
    }
    const dtype = dtypeOf(config);
    if (dtype !== undefined) attrs.set('dtype', setField(newMsg('AttrValue'), 'type', dtype));
    const inputs: string[] = [];
    if (layer['inbound_nodes'] !== undefined && layer['inbound_nodes'] !== null) {
      for (const [inName, , index] of inboundNodes(layer)) {
        const inbound = scoped(scope, inName);
        const candidates = state.modelOutputs.get(inbound) ?? [inbound];
        const i = typeof index === 'number' ? (index < 0 ? candidates.length + index : index) : 0;
        inputs.push(i < candidates.length && i >= 0 ? candidates[i]! : candidates[candidates.length - 1]!);
      }
    } else if (state.prev !== undefined) {
      inputs.push(state.prev);
    }
    const linked = state.inputToLayer.get(name);
    if (linked !== undefined) inputs.push(linked);
    if (inputs.length > 0) setField(node, 'input', inputs);
    if (attrs.size > 0) setField(node, 'attr', attrs);
    nodes.push(node);
    state.prev = name;
  }
  const graph = newMsg('GraphDef');
  return nodes.length > 0 ? setField(graph, 'node', nodes) : graph;
}
