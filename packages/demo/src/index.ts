/**
 * @tb/demo: tb-core's demo. Trains a small digit classifier with TensorFlow.js on digits
 * it draws itself and writes, through @tb/writer, the logs TensorBoard users look at:
 * scalars, histograms, the graph, images, PR curves, text, an hparams sweep and an
 * embedding. `tb-core demo` and `tb-core serve` with no --logdir load it when installed.
 */
export { writeDemo, type WriteDemoOptions } from './write-demo.js';
export { runDemo, DEFAULT_SIZE, type DemoOptions, type DemoReport, type DemoSize } from './demo.js';
