import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelNodes } from './graph.js';

const summary = (model: tf.LayersModel) => modelNodes(model).map((n) => `${n.name} ${n.op} <- ${n.inputs.join(',')} ${JSON.stringify(n.shape ?? null)}`);

describe('modelNodes', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('makes each Dense layer a scope of kernel, bias, MatMul, BiasAdd and its activation', () => {
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', name: 'hidden' }), tf.layers.dense({ units: 3, useBias: false, name: 'out' })],
    });
    expect(summary(model)).toEqual([
      'hidden_input Placeholder <-  [null,4]',
      'hidden/kernel VarHandleOp <-  [4,8]',
      'hidden/MatMul MatMul <- hidden_input,hidden/kernel [null,8]',
      'hidden/bias VarHandleOp <-  [8]',
      'hidden/BiasAdd BiasAdd <- hidden/MatMul,hidden/bias [null,8]',
      'hidden/Relu Relu <- hidden/BiasAdd [null,8]',
      'out/kernel VarHandleOp <-  [8,3]',
      'out/MatMul MatMul <- hidden/Relu,out/kernel [null,3]',
    ]);
    model.dispose();
  });

  it('wires a functional model by its inbound layers, with TensorFlow op names', () => {
    const a = tf.input({ shape: [3], name: 'a' });
    const b = tf.input({ shape: [2], name: 'b' });
    const joined = tf.layers.concatenate({ name: 'cat' }).apply([a, b]) as tf.SymbolicTensor;
    const dropped = tf.layers.dropout({ rate: 0.5, name: 'drop' }).apply(joined) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [a, b], outputs: tf.layers.dense({ units: 2, activation: 'sigmoid', name: 'd' }).apply(dropped) as tf.SymbolicTensor });
    const nodes = summary(model);
    expect(nodes.slice(0, 4)).toEqual(['a Placeholder <-  [null,3]', 'b Placeholder <-  [null,2]', 'cat/ConcatV2 ConcatV2 <- a,b [null,5]', 'drop/Identity Identity <- cat/ConcatV2 [null,5]']);
    expect(nodes).toContain('d/MatMul MatMul <- drop/Identity,d/kernel [null,2]');
    expect(nodes.at(-1)).toBe('d/Sigmoid Sigmoid <- d/BiasAdd [null,2]');
    model.dispose();
  });
});
