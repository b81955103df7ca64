import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DataClass,
  DataType,
  HParamDataType,
  HParamsStatus,
  ProtoDecodeError,
  SessionStatus,
  decodeAudioPluginData,
  decodeEvent,
  decodeGraphDef,
  decodeHParamsPluginData,
  decodeHistogramPluginData,
  decodeHistogramProto,
  decodeImagePluginData,
  decodePrCurvePluginData,
  decodeScalarPluginData,
  decodeSessionLog,
  decodeSummary,
  decodeSummaryAudio,
  decodeSummaryImage,
  decodeSummaryMetadata,
  decodeTensorProto,
  decodeTextPluginData,
  encodeEvent,
  encodeHistogramProto,
  encodeHParamsPluginData,
  encodeSummaryMetadata,
  encodeTensorProto,
  protobufValueToJson,
  type EventMessage,
  type SummaryValueMessage,
} from './proto.js';
import { corpusDir } from '../testing/corpus.js';

const CORPUS = corpusDir();

/** The payloads of a TFRecord file: u64 length, u32 length CRC, data, u32 data CRC (CRCs not checked). */
function tfrecords(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  let offset = 0;
  while (offset + 12 <= bytes.length) {
    const length = Number(view.getBigUint64(offset, true));
    const start = offset + 12;
    if (start + length + 4 > bytes.length) break;
    out.push(bytes.subarray(start, start + length));
    offset = start + length + 4;
  }
  return out;
}

/** The one event file in a corpus directory whose name starts with `prefix`. */
function eventFile(dir: string, prefix = 'events.out.tfevents.'): string {
  const names = readdirSync(path.join(CORPUS, dir)).filter((n) => n.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one event file in ${dir}, found ${names.length}`);
  return path.join(CORPUS, dir, names[0]!);
}

function records(dir: string): Uint8Array[] {
  return tfrecords(readFileSync(eventFile(dir)));
}

function events(dir: string): EventMessage[] {
  return records(dir).map(decodeEvent);
}

function values(evs: EventMessage[]): { event: EventMessage; value: SummaryValueMessage }[] {
  return evs.flatMap((event) => (event.summary?.value ?? []).map((value) => ({ event, value })));
}

function firstValue(evs: EventMessage[], tag: string): SummaryValueMessage {
  const found = values(evs).find((v) => v.value.tag === tag);
  if (!found) throw new Error(`no value tagged ${tag}`);
  return found.value;
}

/** The length-delimited occurrences of field `field` in a message (an independent wire walk). */
function subMessages(bytes: Uint8Array, field: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = bytes[pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
  };
  while (pos < bytes.length) {
    const key = varint();
    const wire = key % 8;
    const num = Math.floor(key / 8);
    if (wire === 0) varint();
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const len = varint();
      if (num === field) out.push(bytes.subarray(pos, pos + len));
      pos += len;
    } else throw new Error(`wire type ${wire}`);
  }
  return out;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const utf8 = new TextDecoder();

describe('legacy (PyTorch SummaryWriter) events: mnist-like/adam', () => {
  const train = events('mnist-like/adam/train');

  it('starts with the file version record', () => {
    expect(train[0]!.what).toBe('fileVersion');
    expect(train[0]!.fileVersion).toBe('brain.Event:2');
    expect(train[0]!.summary).toBeUndefined();
    expect(train[0]!.wallTime).toBeGreaterThan(1.7e9);
    expect(train[0]!.step).toBe(0);
  });

  it('decodes simple_value scalars', () => {
    const losses = values(train).filter((v) => v.value.tag === 'epoch_loss');
    expect(losses.length).toBe(5);
    for (const { value } of losses) {
      expect(value.value).toBe('simpleValue');
      expect(typeof value.simpleValue).toBe('number');
      expect(Number.isFinite(value.simpleValue)).toBe(true);
      expect(value.metadata).toBeNull();
    }
    const batch = values(train).filter((v) => v.value.tag === 'batch_loss');
    expect(batch.map((v) => v.event.step)).toEqual(Array.from({ length: 1875 }, (_, i) => i));
  });

  it('decodes legacy histograms', () => {
    const histo = firstValue(train, 'dense/kernel').histo!;
    expect(histo.bucket.length).toBeGreaterThan(1);
    expect(histo.bucket.length).toBe(histo.bucketLimit.length);
    expect(histo.min).toBeLessThanOrEqual(histo.max);
    expect(histo.bucket.reduce((a, b) => a + b, 0)).toBeCloseTo(histo.num, 6);
    // Same answer through the sub-message decoder, from the raw bytes.
    const raw = records('mnist-like/adam/train');
    const kernel = raw
      .flatMap((r) => subMessages(r, 5).flatMap((s) => subMessages(s, 1)))
      .find((v) => utf8.decode(subMessages(v, 1)[0]) === 'dense/kernel')!;
    expect(decodeHistogramProto(subMessages(kernel, 5)[0]!)).toEqual(histo);
  });

  it('decodes legacy images and audio', () => {
    const image = firstValue(train, 'sample_digits').image!;
    expect(image.height).toBe(28);
    expect(image.width).toBe(224);
    expect(image.colorspace).toBe(3);
    expect(Array.from(image.encodedImageString.subarray(0, 8))).toEqual(PNG);

    const audio = firstValue(train, 'audio/tone').audio!;
    expect(audio.sampleRate).toBe(8000);
    expect(audio.numChannels).toBe(1);
    expect(audio.lengthFrames).toBe(4000);
    expect(audio.contentType).toBe('audio/wav');
    expect(utf8.decode(audio.encodedAudioString.subarray(0, 4))).toBe('RIFF');

    const raw = records('mnist-like/adam/train');
    const summaryValues = raw.flatMap((r) => subMessages(r, 5).flatMap((s) => subMessages(s, 1)));
    const imageBytes = summaryValues.flatMap((v) => subMessages(v, 4))[0]!;
    expect(decodeSummaryImage(imageBytes)).toEqual(image);
    const audioBytes = summaryValues.flatMap((v) => subMessages(v, 6))[0]!;
    expect(decodeSummaryAudio(audioBytes)).toEqual(audio);
  });

  it('decodes the graph and its run metadata', () => {
    const graphEvent = train.find((e) => e.what === 'graphDef')!;
    const graph = decodeGraphDef(graphEvent.graphDef!);
    expect(graph.node.length).toBe(12);
    expect(graph.versions?.producer).toBe(22);
    const input = graph.node.find((n) => n.name === 'input/input.1')!;
    expect(input.op).toBe('IO Node');
    expect(Object.keys(input.attr)).toContain('_output_shapes');
    const output = graph.node.find((n) => n.name === 'output/output.1')!;
    expect(output.input).toEqual(['Sequential/Linear[3]/55']);
    const constant = graph.node.find((n) => n.op === 'prim::Constant')!;
    expect(constant.attr['attr']!.value).toBe('s');
    expect(utf8.decode(constant.attr['attr']!.s)).toMatch(/value/);

    const meta = train.find((e) => e.what === 'taggedRunMetadata')!.taggedRunMetadata!;
    expect(meta.tag).toBe('step1');
    expect(meta.runMetadata.length).toBeGreaterThan(0);
  });

  it('decodes text tensors of old writers', () => {
    const text = firstValue(train, 'notes/text_summary');
    expect(text.metadata?.pluginData?.pluginName).toBe('text');
    expect(decodeTextPluginData(text.metadata!.pluginData!.content)).toEqual({ version: 0 });
    const tensor = text.tensor!;
    expect(tensor.dtype).toBe(DataType.DT_STRING);
    expect(tensor.tensorShape?.dim.map((d) => d.size)).toEqual([1]);
    expect(utf8.decode(tensor.stringVal[0])).toMatch(/^### Epoch/);
  });

  it('decodes pr curve plugin data', () => {
    const validation = events('mnist-like/adam/validation');
    const pr = firstValue(validation, 'pr_curve/digit_0');
    expect(pr.metadata!.pluginData!.pluginName).toBe('pr_curves');
    const data = decodePrCurvePluginData(pr.metadata!.pluginData!.content);
    expect(data).toEqual({ version: 0, numThresholds: 127 });
    expect(pr.tensor!.tensorShape!.dim.map((d) => d.size)).toEqual([6, 127]);
  });
});

describe('TF2 events: tf2-format', () => {
  const train = events('tf2-format/adam/train');

  it('gives every tag plugin metadata on its first value only', () => {
    const plugins = new Set(
      values(train)
        .map((v) => v.value.metadata?.pluginData?.pluginName)
        .filter((p) => p !== undefined),
    );
    expect([...plugins].sort()).toEqual(['audio', 'histograms', 'images', 'scalars', 'text']);
    const batch = values(train).filter((v) => v.value.tag === 'batch_loss');
    expect(batch[0]!.value.metadata).not.toBeNull();
    expect(batch.slice(1).every((v) => v.value.metadata === null)).toBe(true);
    expect(batch.every((v) => v.value.value === 'tensor')).toBe(true);
  });

  it('decodes scalar tensors', () => {
    const loss = firstValue(train, 'epoch_loss');
    const md = loss.metadata!;
    expect(md.pluginData!.pluginName).toBe('scalars');
    expect(md.dataClass).toBe(DataClass.DATA_CLASS_UNKNOWN);
    expect(decodeScalarPluginData(md.pluginData!.content)).toEqual({ version: 0 });
    const tensor = loss.tensor!;
    expect(tensor.dtype).toBe(DataType.DT_FLOAT);
    expect(tensor.tensorShape!.dim).toEqual([]);
    expect(tensor.floatVal).toHaveLength(1);
    // The legacy file has the same first value (both runs share the seed).
    const legacy = firstValue(events('mnist-like/adam/train'), 'epoch_loss');
    expect(tensor.floatVal[0]).toBe(legacy.simpleValue);
  });

  it('decodes histogram tensors ([k, 3] float64 in tensor_content)', () => {
    const kernel = firstValue(train, 'dense/kernel_0');
    expect(decodeHistogramPluginData(kernel.metadata!.pluginData!.content)).toEqual({ version: 0 });
    const t = kernel.tensor!;
    expect(t.dtype).toBe(DataType.DT_DOUBLE);
    const shape = t.tensorShape!.dim.map((d) => d.size);
    expect(shape[1]).toBe(3);
    expect(t.tensorContent.length).toBe(shape[0]! * 3 * 8);
  });

  it('decodes image tensors: width, height, PNGs', () => {
    const digits = firstValue(train, 'sample_digits');
    expect(digits.metadata!.pluginData!.pluginName).toBe('images');
    expect(digits.metadata!.summaryDescription).toBe('Four validation digits (synthetic)');
    expect(decodeImagePluginData(digits.metadata!.pluginData!.content)).toEqual({
      version: 0,
      convertedToTensor: false,
    });
    const strings = digits.tensor!.stringVal;
    expect(utf8.decode(strings[0])).toBe('28');
    expect(utf8.decode(strings[1])).toBe('28');
    expect(strings.length).toBe(6);
    for (const png of strings.slice(2)) expect(Array.from(png.subarray(0, 8))).toEqual(PNG);
  });

  it('decodes audio plugin data', () => {
    const tone = firstValue(train, 'audio/tone');
    expect(decodeAudioPluginData(tone.metadata!.pluginData!.content)).toEqual({
      version: 0,
      encoding: 11,
      convertedToTensor: false,
    });
    expect(tone.tensor!.tensorShape!.dim.map((d) => d.size)).toEqual([2, 2]);
  });

  it('decodes the hparams experiment', () => {
    const evs = events('tf2-format/hparam_tuning');
    const v = firstValue(evs, '_hparams_/experiment');
    expect(v.metadata!.pluginData!.pluginName).toBe('hparams');
    const data = decodeHParamsPluginData(v.metadata!.pluginData!.content);
    expect(data.data).toBe('experiment');
    const exp = data.experiment!;
    expect(exp.hparamInfos.map((h) => h.name)).toEqual(['lr', 'dropout', 'num_units', 'optimizer', 'batch_norm']);
    const [lr, dropout, units, optimizer, batchNorm] = exp.hparamInfos;
    expect(lr!.description).toBe('learning rate');
    expect(lr!.type).toBe(HParamDataType.DATA_TYPE_FLOAT64);
    expect(lr!.domain).toBe('domainDiscrete');
    expect(lr!.domainDiscrete!.values.map(protobufValueToJson)).toEqual([0.001, 0.01]);
    expect(dropout!.domain).toBe('domainInterval');
    expect(dropout!.domainInterval).toEqual({ minValue: 0.1, maxValue: 0.2 });
    expect(dropout!.domainDiscrete).toBeUndefined();
    expect(units!.displayName).toBe('units');
    expect(optimizer!.type).toBe(HParamDataType.DATA_TYPE_STRING);
    expect(optimizer!.domainDiscrete!.values.map(protobufValueToJson)).toEqual(['adam']);
    expect(batchNorm!.domainDiscrete!.values.map(protobufValueToJson)).toEqual([false]);
    expect(exp.metricInfos).toEqual([
      { name: { group: '', tag: 'accuracy' }, displayName: 'Accuracy', description: '', datasetType: 0 },
      { name: { group: 'validation', tag: 'epoch_loss' }, displayName: 'val loss', description: '', datasetType: 2 },
    ]);
  });

  it('decodes hparams session start and end', () => {
    const evs = events('tf2-format/hparam_tuning/run-00');
    const start = decodeHParamsPluginData(
      firstValue(evs, '_hparams_/session_start_info').metadata!.pluginData!.content,
    );
    expect(start.data).toBe('sessionStartInfo');
    const info = start.sessionStartInfo!;
    expect(info.groupName).toBe('run-00');
    expect(info.startTimeSecs).toBeGreaterThan(1.7e9);
    const hparams = Object.fromEntries(Object.entries(info.hparams).map(([k, v]) => [k, protobufValueToJson(v)]));
    expect(hparams).toEqual({ lr: 0.001, dropout: 0.1, optimizer: 'adam', batch_norm: false, num_units: 32 });

    const end = decodeHParamsPluginData(firstValue(evs, '_hparams_/session_end_info').metadata!.pluginData!.content);
    expect(end.data).toBe('sessionEndInfo');
    expect(end.sessionEndInfo!.status).toBe(HParamsStatus.STATUS_SUCCESS);
    expect(end.sessionEndInfo!.endTimeSecs).toBeGreaterThanOrEqual(info.startTimeSecs);
  });

  it('decodes the hparams of add_hparams (metadata without a payload)', () => {
    const evs = events('mnist-like/hparam_tuning/run-00');
    const v = firstValue(evs, '_hparams_/experiment');
    expect(v.value).toBeUndefined();
    const data = decodeHParamsPluginData(v.metadata!.pluginData!.content);
    expect(data.experiment!.hparamInfos.length).toBeGreaterThan(0);
  });
});

describe('edge cases', () => {
  it('decodes negative and huge int64 steps exactly (up to 2^62)', () => {
    const evs = events('edge/special_values');
    const steps = values(evs)
      .filter((v) => v.value.tag === 'odd_steps')
      .map((v) => v.event.step);
    expect(steps).toEqual([-5, -1, 0, 2147483648, 2 ** 53, 2 ** 62]);
    expect(steps[5]).toBe(4611686018427387904);
    for (const s of steps) expect(typeof s).toBe('number');
  });

  it('keeps NaN and infinities of simple_value', () => {
    const special = values(events('edge/special_values'))
      .filter((v) => v.value.tag === 'special')
      .map((v) => v.value.simpleValue);
    expect(special.slice(0, 3)).toEqual([NaN, Infinity, -Infinity]);
  });

  it('decodes SessionLog.START', () => {
    const dir = path.join(CORPUS, 'edge/restart_with_sessionlog');
    const second = readdirSync(dir).sort().at(-1)!;
    const recs = tfrecords(readFileSync(path.join(dir, second)));
    const evs = recs.map(decodeEvent);
    const i = evs.findIndex((e) => e.what === 'sessionLog');
    expect(evs[i]!.step).toBe(50);
    expect(evs[i]!.sessionLog).toEqual({ status: SessionStatus.START, checkpointPath: '', msg: '' });
    expect(decodeSessionLog(subMessages(recs[i]!, 7)[0]!)).toEqual(evs[i]!.sessionLog);
  });

  it('throws ProtoDecodeError on malformed bytes', () => {
    // A length-delimited summary (field 5) claiming more bytes than there are.
    const bad = Uint8Array.of(0x2a, 0x10, 0x0a);
    expect(() => decodeEvent(bad)).toThrow(ProtoDecodeError);
    expect(() => decodeTensorProto(Uint8Array.of(0x0f))).toThrow(/malformed tensorboard.TensorProto/);
  });
});

describe('defaults and encoders', () => {
  it('fills proto3 defaults and leaves unset oneof members undefined', () => {
    const e = decodeEvent(new Uint8Array(0));
    expect(e).toEqual({ wallTime: 0, step: 0, sourceMetadata: null });
    expect(e.what).toBeUndefined();
    const md = decodeSummaryMetadata(new Uint8Array(0));
    expect(md.pluginData).toBeNull();
    expect(md.displayName).toBe('');
    expect(md.dataClass).toBe(0);
    const t = decodeTensorProto(new Uint8Array(0));
    expect(t.dtype).toBe(0);
    expect(t.tensorShape).toBeNull();
    expect(t.floatVal).toEqual([]);
    expect(t.tensorContent.length).toBe(0);
  });

  it('round-trips an Event with int64 steps and a tensor summary', () => {
    for (const step of [-5, 0, 2147483648, 2 ** 53, 2 ** 62]) {
      const bytes = encodeEvent({
        wallTime: 1.5,
        step,
        summary: {
          value: [
            {
              tag: 'loss',
              metadata: { pluginData: { pluginName: 'scalars' }, dataClass: DataClass.DATA_CLASS_SCALAR },
              tensor: { dtype: DataType.DT_FLOAT, tensorShape: {}, floatVal: [0.5] },
            },
          ],
        },
      });
      const e = decodeEvent(bytes);
      expect(e.step).toBe(step);
      expect(e.wallTime).toBe(1.5);
      expect(e.what).toBe('summary');
      const v = e.summary!.value[0]!;
      expect(v.tag).toBe('loss');
      expect(v.value).toBe('tensor');
      expect(v.metadata!.dataClass).toBe(DataClass.DATA_CLASS_SCALAR);
      expect(v.tensor!.floatVal).toEqual([0.5]);
      expect(decodeSummary(subMessages(bytes, 5)[0]!)).toEqual(e.summary);
    }
  });

  it('round-trips SummaryMetadata, TensorProto, HistogramProto and HParamsPluginData', () => {
    const content = Uint8Array.of(8, 1);
    const md = decodeSummaryMetadata(
      encodeSummaryMetadata({ pluginData: { pluginName: 'x', content }, displayName: 'd', dataClass: 3 }),
    );
    expect(md.pluginData!.pluginName).toBe('x');
    expect(Array.from(md.pluginData!.content)).toEqual([8, 1]);
    expect(md.dataClass).toBe(DataClass.DATA_CLASS_BLOB_SEQUENCE);

    const t = decodeTensorProto(
      encodeTensorProto({
        dtype: DataType.DT_INT64,
        tensorShape: { dim: [{ size: 3 }] },
        int64Val: [-1, 2 ** 40, 7],
        uint64Val: [2 ** 60],
      }),
    );
    expect(t.int64Val).toEqual([-1, 2 ** 40, 7]);
    expect(t.uint64Val).toEqual([2 ** 60]);
    expect(t.tensorShape!.dim).toEqual([{ size: 3, name: '' }]);

    const h = { min: -1, max: 1, num: 3, sum: 0, sumSquares: 2, bucketLimit: [0, 1], bucket: [1, 2] };
    expect(decodeHistogramProto(encodeHistogramProto(h))).toEqual(h);

    const hp = decodeHParamsPluginData(
      encodeHParamsPluginData({ version: 0, sessionEndInfo: { status: 2, endTimeSecs: 5 } }),
    );
    expect(hp.data).toBe('sessionEndInfo');
    expect(hp.sessionEndInfo).toEqual({ status: HParamsStatus.STATUS_FAILURE, endTimeSecs: 5 });
  });

  it('returns plain Uint8Array views for bytes, also from a Buffer', () => {
    const png = Buffer.from(PNG);
    const bytes = Buffer.from(encodeEvent({ summary: { value: [{ tag: 'i', image: { encodedImageString: png } }] } }));
    const img = decodeEvent(bytes).summary!.value[0]!.image!;
    expect(Buffer.isBuffer(img.encodedImageString)).toBe(false);
    expect(img.encodedImageString).toBeInstanceOf(Uint8Array);
    expect(Array.from(img.encodedImageString)).toEqual(PNG);
    expect(img.encodedImageString.buffer).toBe(bytes.buffer);
  });
});
