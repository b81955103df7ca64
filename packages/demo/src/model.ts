/**
 * The demo's model, as the Keras beginner tutorial builds it: Flatten, Dense(100, relu),
 * (Dropout), Dense(10, softmax), trained with sparse categorical cross-entropy. Weights
 * are seeded so that runs are repeatable.
 */
import type { Tfjs } from '@tb/core';

export interface ModelOptions {
  readonly units: number;
  readonly dropout: number;
  readonly optimizer: 'adam' | 'sgd';
  readonly learningRate: number;
  readonly seed: number;
}

/** A compiled model for 28x28 inputs and 10 classes. */
export function digitModel(tf: Tfjs, o: ModelOptions) {
  const layers: ReturnType<Tfjs['layers']['dense' | 'flatten' | 'dropout']>[] = [
    tf.layers.flatten({ inputShape: [28, 28], name: 'flatten' }),
    tf.layers.dense({
      units: o.units,
      activation: 'relu',
      name: 'dense',
      kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed }),
    }),
  ];
  if (o.dropout > 0) layers.push(tf.layers.dropout({ rate: o.dropout, name: 'dropout', seed: o.seed + 1 }));
  layers.push(
    tf.layers.dense({
      units: 10,
      activation: 'softmax',
      name: 'dense_1',
      kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 2 }),
    }),
  );
  const model = tf.sequential({ name: 'digits', layers });
  const optimizer = o.optimizer === 'adam' ? tf.train.adam(o.learningRate) : tf.train.sgd(o.learningRate);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}
