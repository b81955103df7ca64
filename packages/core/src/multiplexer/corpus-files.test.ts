/**
 * The corpus roots without a reference answer for these routes: data that lives beside
 * the event files (projector, profiler traces, XLA profiles) and a genuine Keras run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeGraphDef, decodeHParamsPluginData, protobufValueToJson } from '../events/proto.js';
import { LogRootMultiplexer } from './multiplexer.js';
import { corpusDir } from '../testing/corpus.js';

const CORPUS = corpusDir();
const ALL = { downsample: 1e9 };

async function load(root: string): Promise<LogRootMultiplexer> {
  const mux = new LogRootMultiplexer({ logdir: path.join(CORPUS, root), reloadInterval: 0 });
  await mux.reload();
  return mux;
}

describe('corpus roots whose data lives beside the event files', () => {
  it('projector: the config, tensors, metadata and sprite are listed and readable', async () => {
    const mux = await load('projector');
    const files = await mux.provider.listFiles(/(^|\/)projector_config\.pbtxt$|\.tsv$|sprite\.png$/);
    expect(files.map((f) => f.path)).toEqual([
      '00000/digits/metadata.tsv',
      '00000/digits/sprite.png',
      '00000/digits/tensors.tsv',
      '00001/digits_multi/metadata.tsv',
      '00001/digits_multi/tensors.tsv',
      'projector_config.pbtxt',
    ]);
    const config = Buffer.from(await mux.provider.readFile('projector_config.pbtxt')).toString();
    expect(config).toContain('tensor_path: "00000/digits/tensors.tsv"');
    const tensors = Buffer.from(await mux.provider.readFile('00000/digits/tensors.tsv')).toString().trim().split('\n');
    expect(tensors).toHaveLength(500);
    expect(tensors[0]!.split('\t')).toHaveLength(64);
    expect(mux.provider.listRuns().map((r) => r.name)).toEqual(['.']);
    await expect(mux.provider.readFile('../edge/events.out.tfevents.1795464633.vm.26016.0')).rejects.toThrow(/no file/);
    await mux.close();
  });

  it('profile: PyTorch traces in directories with no event files are files, not runs', async () => {
    const mux = await load('profile');
    expect(mux.provider.listRuns()).toEqual([]);
    const traces = await mux.provider.listFiles(/\.pt\.trace\.json(\.gz)?$/);
    expect(traces.map((t) => t.path.split('/')[0])).toEqual(['mlp_100', 'mlp_100', 'mlp_32', 'mlp_32']);
    const trace = JSON.parse(Buffer.from(await mux.provider.readFile(traces[0]!.path)).toString()) as unknown[];
    expect(Array.isArray(trace) && trace.length).toBeGreaterThan(10);
    await mux.close();
  });

  it('profile-kineto: gzipped Kineto traces are listed and read as bytes', async () => {
    const mux = await load('profile-kineto');
    const traces = await mux.provider.listFiles(/\.pt\.trace\.json(\.gz)?$/);
    expect(traces.map((t) => t.path.split('/')[0])).toEqual(['resnet50_num_workers_0', 'resnet50_num_workers_4']);
    const json = JSON.parse(gunzipSync(await mux.provider.readFile(traces[0]!.path)).toString()) as { traceEvents: unknown[] };
    expect(json.traceEvents.length).toBeGreaterThan(1000);
    await mux.close();
  });

  it('profile-xplane: the XSpace file is found under plugins/profile', async () => {
    const mux = await load('profile-xplane');
    const [xplane] = await mux.provider.listFiles(/\.xplane\.pb$/);
    expect(xplane!.path).toMatch(/^tpu_inference\/plugins\/profile\/[^/]+\/host0\.xplane\.pb$/);
    expect((await mux.provider.readFile(xplane!.path)).length).toBe(xplane!.size);
    await mux.close();
  });
});

describe('corpus keras-checkpoint: a genuine TF 2.12 Keras run', () => {
  it('reads epoch scalars, weight histograms and images, the graph and the Keras model config', async () => {
    const mux = await load('keras-checkpoint');
    const run = 'MNIST-extra-metrics1690486849/train';
    expect(mux.provider.listRuns().map((r) => r.name)).toEqual([run, 'MNIST-extra-metrics1690486849/validation']);
    const loss = mux.provider.readScalars('scalars', run, 'epoch_loss', ALL)!;
    expect(Array.from(loss.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(loss.value[9]!).toBeLessThan(loss.value[0]!);
    const kernel = mux.provider.readTensors('histograms', run, 'dense/kernel_0/histogram', ALL)!;
    expect(kernel).toHaveLength(10);
    expect(kernel[0]!.value.shape[1]).toBe(3);
    const total = kernel[0]!.value.numbers.reduce((sum, v, i) => (i % 3 === 2 ? sum + v : sum), 0);
    // A Dense(512) layer on flattened 28x28 inputs: every weight counted once.
    expect(total).toBe(784 * 512);
    const [graph] = mux.provider.readBlobSequences('graphs', run, '__run_graph__', ALL)!;
    const graphDef = decodeGraphDef(await mux.provider.readBlob(graph!.blobs[0]!.key));
    expect(graphDef.node.length).toBeGreaterThan(10);
    const [keras] = mux.provider.readBlobSequences('graph_keras_model', run, 'keras', ALL)!;
    const config = JSON.parse(Buffer.from(await mux.provider.readBlob(keras!.blobs[0]!.key)).toString()) as { class_name: string };
    expect(config.class_name).toBe('Sequential');
    await mux.close();
  });
});

describe('corpus hparams: the plugin content of each tag reaches the provider', () => {
  it('mnist-like (PyTorch add_hparams): each run-NN carries its session start with its hyper-parameters', async () => {
    const mux = await load('mnist-like');
    const tags = mux.provider.listTags('hparams');
    const runs = [...tags.keys()].filter((r) => r.startsWith('hparam_tuning/run-')).sort();
    expect(runs).toHaveLength(12);
    const start = tags.get('hparam_tuning/run-00')!.get('_hparams_/session_start_info')!;
    expect(start.dataClass).toBe('tensor');
    const info = decodeHParamsPluginData(start.pluginContent).sessionStartInfo!;
    const hparams = Object.fromEntries(Object.entries(info.hparams).map(([k, v]) => [k, protobufValueToJson(v)]));
    expect(Object.keys(hparams).sort()).toEqual(['dropout', 'lr', 'optimizer', 'units']);
    expect(hparams['optimizer']).toBe('adam');
    const experiment = decodeHParamsPluginData(tags.get('hparam_tuning/run-00')!.get('_hparams_/experiment')!.pluginContent);
    expect(experiment.experiment!.hparamInfos.map((h) => h.name).sort()).toEqual(['dropout', 'lr', 'optimizer', 'units']);
    await mux.close();
  });
});
