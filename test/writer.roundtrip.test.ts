/**
 * @tb/writer round trips: every SummaryWriter method and the tfjs callback write event
 * files that @tb/core's reader loads back to the same values; and a process that exits
 * without close() still leaves its events on disk.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  decodeGraphDef,
  decodeHParamsPluginData,
  decodePrCurvePluginData,
  LogRootMultiplexer,
  memoryLogger,
  protobufValueToJson,
  readRecordAt,
  decodeEvent,
  type DataProvider,
} from '@tb/core/events';
import { histogramBuckets, SummaryWriter } from '@tb/writer';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/server.js';

const ALL = { downsample: Infinity };
const utf8 = new TextDecoder();

async function load(logdir: string): Promise<{ data: DataProvider; close: () => Promise<void> }> {
  const mux = new LogRootMultiplexer({ logdir, reloadInterval: 0, samplesPerPlugin: {}, logger: memoryLogger() });
  await mux.reload();
  return { data: mux.provider, close: () => mux.close() };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tb-writer-'));

describe('SummaryWriter -> @tb/core', () => {
  it('names the file as TensorBoard does and starts it with the file version', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir, { filenameSuffix: '.v2' });
    await w.close();
    const [name] = readdirSync(dir);
    expect(name).toMatch(new RegExp(`^events\\.out\\.tfevents\\.\\d{10}\\.${os.hostname().replace(/\./g, '\\.')}\\.${process.pid}\\.\\d+\\.v2$`));
    const first = await readRecordAt(path.join(dir, name!), 0);
    expect(decodeEvent(first!).fileVersion).toBe('brain.Event:2');
  });

  it('scalars and addScalars (one sub-run per key)', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir);
    for (let step = 0; step < 50; step++) w.addScalar('loss', 1 / (step + 1), step, 1000 + step);
    w.addScalar('odd', NaN, 0);
    w.addScalars('lr', { adam: 0.001, sgd: 0.1 }, 3);
    await w.close();
    const { data, close } = await load(dir);
    const loss = data.readScalars('scalars', '.', 'loss', ALL)!;
    expect(Array.from(loss.step)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(loss.wallTime).slice(0, 2)).toEqual([1000, 1001]);
    for (let i = 0; i < 50; i++) expect(loss.value[i]).toBeCloseTo(1 / (i + 1), 6);
    expect(Number.isNaN(data.readScalars('scalars', '.', 'odd', ALL)!.value[0])).toBe(true);
    expect(data.listTags('scalars').get('lr_adam')?.has('lr')).toBe(true);
    expect(data.readScalars('scalars', 'lr_sgd', 'lr', ALL)!.value[0]).toBeCloseTo(0.1, 6);
    expect(data.listTags('scalars').get('.')?.get('loss')?.dataClass).toBe('scalar');
    await close();
  });

  it('histograms from values and from raw buckets, as [k, 3] tensors', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir);
    const values = Array.from({ length: 500 }, (_, i) => Math.cos(i) * 3);
    w.addHistogram('weights', values, 7);
    w.addHistogram('weights', values.map((v) => v * 2), 8, { bins: 10 });
    w.addHistogramRaw('raw', { min: 0, max: 3, num: 6, sum: 9, sumSquares: 17, bucketLimits: [1, 2, 3], bucketCounts: [1, 2, 3] }, 1);
    await w.close();
    const { data, close } = await load(dir);
    const series = data.readTensors('histograms', '.', 'weights', ALL)!;
    expect(series.map((d) => d.step)).toEqual([7, 8]);
    expect(series[0]!.value.shape).toEqual([30, 3]);
    expect(Array.from(series[0]!.value.numbers)).toEqual(Array.from(histogramBuckets(values)));
    expect(series[1]!.value.shape).toEqual([10, 3]);
    expect(Array.from(data.readTensors('histograms', '.', 'raw', ALL)![0]!.value.numbers)).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 3]);
    await close();
  });

  it('images (one and several samples) decode back to the pixels', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir);
    const gray = { data: Uint8Array.from({ length: 28 * 28 }, (_, i) => i % 256), width: 28, height: 28, channels: 1 as const };
    const rgb = { data: Uint8Array.from({ length: 4 * 2 * 3 }, (_, i) => i * 10), width: 4, height: 2, channels: 3 as const };
    w.addImage('digit', gray, 0);
    w.addImages('batch', [rgb, rgb, rgb], 5);
    await w.close();
    const { data, close } = await load(dir);
    const [digit] = data.readBlobSequences('images', '.', 'digit', ALL)!;
    expect(digit!.blobs).toHaveLength(3);
    const [wBytes, hBytes, png] = await Promise.all(digit!.blobs.map((b) => data.readBlob(b.key)));
    expect([utf8.decode(wBytes), utf8.decode(hBytes)]).toEqual(['28', '28']);
    expect(Array.from(decode(png!).data)).toEqual(Array.from(gray.data));
    const [batch] = data.readBlobSequences('images', '.', 'batch', ALL)!;
    expect(batch!.step).toBe(5);
    expect(batch!.blobs).toHaveLength(5);
    expect(Array.from(decode(await data.readBlob(batch!.blobs[4]!.key)).data)).toEqual(Array.from(rgb.data));
    expect(data.listTags('images').get('.')?.get('batch')?.dataClass).toBe('blob_sequence');
    expect(() => w.addImages('x', [])).toThrow(RangeError);
    await close();
  });

  it('text, audio and PR curves', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir);
    w.addText('notes', '# Hello\n\n| a | b |\n| - | - |\n| 1 | 2 |', 2);
    const tone = Float32Array.from({ length: 800 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 8000));
    w.addAudio('tone', tone, 1, 8000);
    w.addPrCurve('pr', [1, 0, 1, 0], [0.9, 0.8, 0.3, 0.1], 4, { numThresholds: 3 });
    await w.close();
    const { data, close } = await load(dir);
    const [text] = data.readTensors('text', '.', 'notes', ALL)!;
    expect(text!.step).toBe(2);
    expect(utf8.decode(text!.value.strings[0])).toContain('| 1 | 2 |');
    const [audio] = data.readBlobSequences('audio', '.', 'tone', ALL)!;
    const wav = await data.readBlob(audio!.blobs[0]!.key);
    expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
    expect(new DataView(wav.buffer, wav.byteOffset).getUint32(24, true)).toBe(8000);
    expect(wav.length).toBe(44 + 1600);
    const prTag = data.listTags('pr_curves').get('.')!.get('pr')!;
    expect(decodePrCurvePluginData(prTag.pluginContent).numThresholds).toBe(3);
    const [pr] = data.readTensors('pr_curves', '.', 'pr', ALL)!;
    expect(pr!.value.shape).toEqual([6, 3]);
    expect(Array.from(pr!.value.numbers.subarray(0, 3))).toEqual([2, 1, 0]);
    await close();
  });

  it('hparams sessions as TensorBoard writes them, with their metrics', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir);
    w.addHparams({ lr: 0.01, optimizer: 'adam', bn: true }, { 'hparam/accuracy': 0.9 }, { runName: 'session-1', hparamDomains: { optimizer: ['adam', 'sgd'] } });
    await w.close();
    const { data, close } = await load(dir);
    const tags = data.listTags('hparams').get('session-1')!;
    const experiment = decodeHParamsPluginData(tags.get('_hparams_/experiment')!.pluginContent).experiment!;
    expect(experiment.hparamInfos.map((h) => [h.name, h.type])).toEqual([['lr', 3], ['optimizer', 1], ['bn', 2]]);
    expect(experiment.hparamInfos[1]!.domainDiscrete!.values.map(protobufValueToJson)).toEqual(['adam', 'sgd']);
    expect(experiment.metricInfos.map((m) => m.name?.tag)).toEqual(['hparam/accuracy']);
    const start = decodeHParamsPluginData(tags.get('_hparams_/session_start_info')!.pluginContent).sessionStartInfo!;
    expect(Object.fromEntries(Object.entries(start.hparams).map(([k, v]) => [k, protobufValueToJson(v)]))).toEqual({ lr: 0.01, optimizer: 'adam', bn: true });
    expect(decodeHParamsPluginData(tags.get('_hparams_/session_end_info')!.pluginContent).sessionEndInfo!.status).toBe(1);
    expect(data.readScalars('scalars', 'session-1', 'hparam/accuracy', ALL)!.value[0]).toBeCloseTo(0.9, 6);
    await close();
  });

  it('addGraph: a GraphDef of the layers with dtype and output shapes, and the Keras config', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const dir = tmp();
    const w = new SummaryWriter(dir);
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'tanh', name: 'dense_1' })] });
    w.addGraph(model);
    await w.close();
    const { data, close } = await load(dir);
    const [graphRef] = data.readBlobSequences('graphs', '.', '__run_graph__', ALL)!;
    const graph = decodeGraphDef(await data.readBlob(graphRef!.blobs[0]!.key));
    expect(graph.node.map((n) => n.name)).toEqual(['dense_1_input', 'dense_1/kernel', 'dense_1/MatMul', 'dense_1/bias', 'dense_1/BiasAdd', 'dense_1/Tanh']);
    const kernel = graph.node.find((n) => n.name === 'dense_1/kernel')!;
    expect([kernel.attr['dtype']!.type, kernel.attr['shape']!.shape!.dim.map((d) => d.size)]).toEqual([1, [4, 8]]);
    const tanh = graph.node.find((n) => n.name === 'dense_1/Tanh')!;
    expect(tanh.input).toEqual(['dense_1/BiasAdd']);
    expect(tanh.attr['_output_shapes']!.list!.shape[0]!.dim.map((d) => d.size)).toEqual([-1, 8]);
    const keras = data.listTags('graph_keras_model').get('.')!.get('keras')!;
    expect(utf8.decode(keras.pluginContent)).toBe('1');
    const [config] = data.readBlobSequences('graph_keras_model', '.', 'keras', ALL)!;
    expect(JSON.parse(utf8.decode(await data.readBlob(config!.blobs[0]!.key))).config.layers[0].config.name).toBe('dense_1');
    model.dispose();
    await close();
  });

  it('embeddings: projector config with relative paths, tensors, metadata and sprite', async () => {
    const dir = tmp();
    const w = new SummaryWriter(dir);
    const img = (v: number) => ({ data: new Uint8Array(4).fill(v), width: 2, height: 2, channels: 1 as const });
    w.addEmbedding([[1, 2], [3, 4], [5, 6]], { metadata: [['a', 1], ['b', 2], ['c', 3]], metadataHeader: ['name', 'n'], labelImages: [img(10), img(20), img(30)], tag: 'emb', globalStep: 7 });
    await w.close();
    expect(readFileSync(path.join(dir, 'projector_config.pbtxt'), 'utf8')).toContain('tensor_path: "00007/emb/tensors.tsv"');
    expect(readFileSync(path.join(dir, '00007/emb/tensors.tsv'), 'utf8')).toBe('1\t2\n3\t4\n5\t6\n');
    expect(readFileSync(path.join(dir, '00007/emb/metadata.tsv'), 'utf8')).toBe('name\tn\na\t1\nb\t2\nc\t3\n');
    const sprite = decode(readFileSync(path.join(dir, '00007/emb/sprite.png')));
    expect([sprite.width, sprite.height]).toEqual([4, 4]);
    expect(Array.from(sprite.data)).toEqual([10, 10, 20, 20, 10, 10, 20, 20, 30, 30, 0, 0, 30, 30, 0, 0]);
    const { data, close } = await load(dir);
    expect((await data.listFiles(/sprite\.png$/)).map((f) => f.path)).toEqual(['00007/emb/sprite.png']);
    await close();
  });

  it('a process that exits without close() still leaves its events on disk, also through process.exit() mid-write', async () => {
    const writer = pathToFileURL(path.join(ROOT, 'packages/writer/dist/index.js')).href;
    const run = (body: string) => {
      const dir = tmp();
      const script = `import { SummaryWriter } from '${writer}';
        const w = new SummaryWriter(${JSON.stringify(dir)}, { maxQueue: 10, flushSecs: 3600 });
        ${body}`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return dir;
    };
    // Ends on its own: 'beforeExit' writes what is queued.
    const idle = run(`for (let i = 0; i < 25; i++) w.addScalar('loss', i, i);`);
    // Leaves at once: writes under way (every 10 events) and the queue are written at 'exit'.
    const abrupt = run(`for (let i = 0; i < 2005; i++) w.addScalar('loss', i, i); process.exit(0);`);
    for (const [dir, n] of [[idle, 25], [abrupt, 2005]] as const) {
      const { data, close } = await load(dir);
      const loss = data.readScalars('scalars', '.', 'loss', ALL)!;
      expect(Array.from(loss.step)).toEqual(Array.from({ length: n }, (_, i) => i));
      await close();
    }
  });
});

describe('the tfjs callback -> @tb/core', () => {
  it('writes train/ and validation/ as Keras does: epoch and batch metrics, weight histograms, the graph', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { tensorBoard } = await import('@tb/writer/tfjs');
    await tf.setBackend('cpu');
    tf.enableProdMode();
    const dir = tmp();
    const model = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu', name: 'hidden' }), tf.layers.dense({ units: 3, activation: 'softmax', name: 'out' })],
    });
    model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const xs = tf.randomUniform([64, 4]);
    const ys = tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 3), 'float32');
    const history = await model.fit(xs, ys, { epochs: 2, batchSize: 16, validationSplit: 0.25, verbose: 0, callbacks: [tensorBoard(dir, { histogramFreq: 1, updateFreq: 'batch' })] });
    const { data, close } = await load(dir);
    const scalars = data.listTags('scalars');
    expect([...scalars.get('train')!.keys()].sort()).toEqual(['batch_accuracy', 'batch_loss', 'epoch_accuracy', 'epoch_loss']);
    expect([...scalars.get('validation')!.keys()].sort()).toEqual([
      'epoch_accuracy',
      'epoch_loss',
      'evaluation_accuracy_vs_iterations',
      'evaluation_loss_vs_iterations',
    ]);
    expect(Array.from(data.readScalars('scalars', 'validation', 'epoch_loss', ALL)!.step)).toEqual([0, 1]);
    // 48 training samples in batches of 16: 3 batches per epoch, counted from 1 through the fit.
    expect(Array.from(data.readScalars('scalars', 'validation', 'evaluation_loss_vs_iterations', ALL)!.step)).toEqual([3, 6]);
    expect(Array.from(data.readScalars('scalars', 'train', 'batch_loss', ALL)!.step)).toEqual([1, 2, 3, 4, 5, 6]);
    const epochLoss = data.readScalars('scalars', 'train', 'epoch_loss', ALL)!;
    expect(Array.from(epochLoss.step)).toEqual([0, 1]);
    expect(epochLoss.value[1]).toBeCloseTo(history.history['loss']![1] as number, 5);
    expect([...data.listTags('histograms').get('train')!.keys()].sort()).toEqual([
      'hidden/bias_0/histogram',
      'hidden/kernel_0/histogram',
      'out/bias_0/histogram',
      'out/kernel_0/histogram',
    ]);
    const kernel = data.readTensors('histograms', 'train', 'hidden/kernel_0/histogram', ALL)!;
    expect(kernel.map((d) => d.step)).toEqual([0, 1]);
    // 4 x 8 kernel weights counted in 30 buckets.
    let count = 0;
    for (let i = 2; i < kernel[1]!.value.numbers.length; i += 3) count += kernel[1]!.value.numbers[i]!;
    expect(count).toBe(32);
    const [graphRef] = data.readBlobSequences('graphs', 'train', '__run_graph__', ALL)!;
    const graph = decodeGraphDef(await data.readBlob(graphRef!.blobs[0]!.key));
    const nodes = graph.node.map((n) => `${n.name}:${n.op}`);
    expect(nodes).toEqual(expect.arrayContaining(['hidden/kernel:VarHandleOp', 'hidden/MatMul:MatMul', 'hidden/BiasAdd:BiasAdd', 'hidden/Relu:Relu', 'out/Softmax:Softmax']));
    expect(graph.node.find((n) => n.name === 'out/MatMul')!.input).toEqual(['hidden/Relu', 'out/kernel']);
    // tfjs hands callbacks the functional model inside a Sequential: its config is a 'Model'.
    const [keras] = data.readBlobSequences('graph_keras_model', 'train', 'keras', ALL)!;
    const config = JSON.parse(utf8.decode(await data.readBlob(keras!.blobs[0]!.key))) as { config: { layers: { name: string }[] } };
    expect(config.config.layers.map((l) => l.name)).toEqual(expect.arrayContaining(['hidden', 'out']));
    tf.dispose([xs, ys]);
    model.dispose();
    await close();
  });

  it('writes every N batches for updateFreq N, and opens new files for a second fit', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { tensorBoard } = await import('@tb/writer/tfjs');
    await tf.setBackend('cpu');
    const dir = tmp();
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1, name: 'lin' })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const xs = tf.randomUniform([40, 2]);
    const ys = tf.randomUniform([40, 1]);
    const callback = tensorBoard(dir, { updateFreq: 2, writeGraph: false });
    // 40 samples in batches of 8: 5 batches per epoch, batch summaries at batches 2 and 4.
    await model.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0, callbacks: [callback] });
    await model.fit(xs, ys, { epochs: 1, batchSize: 8, verbose: 0, callbacks: [callback] });
    expect(readdirSync(path.join(dir, 'train'))).toHaveLength(2);
    const { data, close } = await load(dir);
    // Each fit counts batches from 1 again, as Keras does. Both files are brain.Event:2 with
    // no SessionLog.START, so, as in TensorBoard, the second fit's points add to the first's.
    const batchLoss = data.readScalars('scalars', 'train', 'batch_loss', ALL)!;
    expect(Array.from(batchLoss.step)).toEqual([2, 4, 2, 4]);
    expect(Array.from(data.readScalars('scalars', 'train', 'epoch_loss', ALL)!.step)).toEqual([0, 0]);
    expect(data.listTags('histograms').get('train')).toBeUndefined();
    tf.dispose([xs, ys]);
    model.dispose();
    await close();
  });
});
