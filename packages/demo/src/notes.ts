/** The markdown notes the demo logs: what it is, and each run's configuration. */
import type { BackendInfo } from '@tb/core';
import type { DemoSize } from './demo.js';
import type { ModelOptions } from './model.js';

/** The log root's note: what the demo trained and where to look. */
export function aboutMarkdown(size: DemoSize, backend: BackendInfo): string {
  return [
    '# The tb-core demo',
    '',
    `A digit classifier trained with TensorFlow.js (backend: **${backend.backend}**) on`,
    `${size.train} synthetic 28x28 digits drawn by the demo itself, validated on ${size.validation}.`,
    '',
    '| run | what to look at |',
    '| --- | --- |',
    '| `adam/train`, `sgd/train` | batch and epoch loss and accuracy, kernel and bias histograms, the graph, sample inputs |',
    '| `adam/validation`, `sgd/validation` | epoch loss and accuracy, a confusion matrix and the misclassified digits each epoch, PR curves of 4 and 9 |',
    '| `hparam_tuning/run-*` | a units x dropout x learning-rate sweep |',
    '| `.` | this note, and an embedding of 500 validation digits (hidden layer) with a sprite |',
  ].join('\n');
}

/** A training run's configuration as a markdown table. */
export function runNotes(o: ModelOptions, size: DemoSize): string {
  return [
    `## ${o.optimizer}, learning rate ${o.learningRate}`,
    '',
    '| setting | value |',
    '| --- | --- |',
    `| model | Flatten -> Dense(${o.units}, relu) -> Dense(10, softmax) |`,
    `| optimizer | ${o.optimizer} (learning rate ${o.learningRate}) |`,
    `| loss | sparse categorical cross-entropy |`,
    `| epochs | ${size.epochs}, batch size 32 |`,
    `| data | ${size.train} training / ${size.validation} validation digits |`,
  ].join('\n');
}
