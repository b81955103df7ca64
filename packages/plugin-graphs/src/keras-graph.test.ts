import { describe, expect, it } from 'vitest';
import { kerasModelToGraphDef } from './keras-graph.js';
import { list, mapOf, num, slotOf, str, type Msg } from './proto/message.js';

const history = (name: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 4], dtype: 'float32', keras_history: [name, 0, 0] } });

/** [name, inputs, keras_class, dtype] per node. */
function summary(graph: Msg): [string, string[], string, number | undefined][] {
  return list<Msg>(graph, 'node').map((n) => {
    const attrs = mapOf<Msg>(n, 'attr');
    const cls = attrs.get('keras_class');
    const dtype = attrs.get('dtype');
    return [str(n, 'name'), [...list<string>(n, 'input')], cls ? new TextDecoder().decode(slotOf(cls, 's') as Uint8Array) : '', dtype ? num(dtype, 'type') : undefined];
  });
}

describe('kerasModelToGraphDef', () => {
  it('chains a Sequential model (Keras 2 JSON) layer after layer', () => {
    const model = {
      class_name: 'Sequential',
      config: {
        name: 'sequential',
        layers: [
          { class_name: 'InputLayer', config: { name: 'flatten_input', dtype: 'float32', batch_input_shape: [null, 28, 28] } },
          { class_name: 'Flatten', config: { name: 'flatten', dtype: 'float32' } },
          { class_name: 'Dense', config: { name: 'dense', dtype: 'float64', units: 10 } },
        ],
      },
    };
    expect(summary(kerasModelToGraphDef(model))).toEqual([
      ['sequential/flatten_input', [], 'InputLayer', 1],
      ['sequential/flatten', ['sequential/flatten_input'], 'Flatten', 1],
      ['sequential/dense', ['sequential/flatten'], 'Dense', 2],
    ]);
  });

  it("wires a Functional model (Keras 3 JSON) by keras_history, through a nested model's output", () => {
    const model = {
      class_name: 'Functional',
      config: {
        name: 'outer',
        layers: [
          { class_name: 'InputLayer', config: { name: 'in', dtype: 'float32' }, inbound_nodes: [] },
          {
            class_name: 'Sequential',
            config: {
              name: 'inner',
              layers: [
                { class_name: 'Dense', config: { name: 'd1', dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'mixed_float16' } } } },
                { class_name: 'Dense', config: { name: 'd2', dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' } } } },
              ],
            },
            inbound_nodes: [{ args: [history('in')], kwargs: {} }],
          },
          { class_name: 'Add', config: { name: 'add', dtype: 'float32' }, inbound_nodes: [{ args: [[history('inner'), history('in')]], kwargs: {} }] },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['add', 0, 0]],
      },
    };
    expect(summary(kerasModelToGraphDef(model))).toEqual([
      ['outer/in', [], 'InputLayer', 1],
      ['outer/inner/d1', ['outer/in'], 'Dense', undefined],
      ['outer/inner/d2', ['outer/inner/d1'], 'Dense', 1],
      ['outer/add', ['outer/inner/d2', 'outer/in'], 'Add', 1],
    ]);
  });

  it("links a nested Functional model's input to the layer before it in a Sequential parent", () => {
    const model = {
      class_name: 'Sequential',
      config: {
        name: 'seq',
        layers: [
          { class_name: 'Dense', config: { name: 'first', dtype: 'int32' } },
          {
            class_name: 'Functional',
            config: {
              name: 'func',
              layers: [
                { class_name: 'InputLayer', config: { name: 'x' }, inbound_nodes: [] },
                { class_name: 'Dense', config: { name: 'y' }, inbound_nodes: [{ args: [history('x')] }] },
              ],
              // Names, not [name, 0, 0]: TensorBoard scopes the list itself ("func/['x', 0, 0]"), which links nothing.
              input_layers: ['x'],
              output_layers: [['y', 0, 0]],
            },
          },
          { class_name: 'Dense', config: { name: 'last' } },
        ],
      },
    };
    expect(summary(kerasModelToGraphDef(model))).toEqual([
      ['seq/first', [], 'Dense', 3],
      ['seq/func/x', ["seq/first"], 'InputLayer', undefined],
      ['seq/func/y', ['seq/func/x'], 'Dense', undefined],
      ['seq/last', ['seq/func/y'], 'Dense', undefined],
    ]);
  });

  it('refuses what is not a model config, saying what it found', () => {
    expect(() => kerasModelToGraphDef([1, 2])).toThrow(/JSON object/);
    expect(() => kerasModelToGraphDef({ class_name: 'Dense' })).toThrow(/no config object/);
  });
});
