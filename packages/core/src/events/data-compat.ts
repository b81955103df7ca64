/**
 * One data model for every writer: legacy Summary.Value payloads (simple_value, histo,
 * image, audio) become what TF2 writes, as TensorBoard's data_compat and
 * dataclass_compat do, so that every plugin reads one shape:
 *
 * - simple_value -> a float32 scalar of plugin "scalars", class scalar;
 * - histo -> a float32 [k, 3] tensor (left, right, count) of plugin "histograms", empty
 *   edge buckets dropped and the outer edges replaced by min and max;
 * - image -> blobs [width, height, encoded] of plugin "images";
 * - audio -> blobs [encoded, label] of plugin "audio", its content saying WAV;
 * - tensor -> as written, with the plugin name and data class of its metadata.
 */
import type { DataClass, TensorValue } from './values.js';
import type { RawValue } from './raw-event.js';
import { readHistogram } from './histogram-wire.js';
import { tensorFromProto } from './tensor.js';
import { WireReader, WireType } from './wire.js';
import {
  decodeSummaryAudio,
  decodeSummaryImage,
  decodeSummaryMetadata,
  decodeTensorProto,
} from './proto.js';

/** What a tag is, fixed by the first value that names it. */
export interface TagMetadata {
  pluginName: string;
  dataClass: DataClass;
  displayName: string;
  description: string;
  pluginContent: Uint8Array;
}

/** Plugins whose tensors are sequences of blobs (TensorBoard's dataclass_compat). */
const BLOB_PLUGINS = new Set(['images', 'audio', 'graph_run_metadata', 'graph_run_metadata_graph', 'graph_keras_model']);

const DATA_CLASSES: Record<number, DataClass> = { 1: 'scalar', 2: 'tensor', 3: 'blob_sequence' };

const LEGACY_PLUGIN: Record<RawValue['kind'], string> = {
  simple: 'scalars',
  histo: 'histograms',
  image: 'images',
  audio: 'audio',
  tensor: '',
  none: '',
};

const EMPTY = new Uint8Array(0);
/** AudioPluginData { encoding: WAV, converted_to_tensor: true }: what legacy audio gets, as in TensorBoard. */
const LEGACY_AUDIO_CONTENT = Uint8Array.of(0x10, 11, 0x18, 1);
const utf8 = new TextEncoder();

/** The metadata of a tag, from its first value and that value's SummaryMetadata (if any). */
export function tagMetadataOf(raw: RawValue): TagMetadata {
  const md = raw.metadata && raw.metadata.length > 0 ? decodeSummaryMetadata(raw.metadata) : undefined;
  const legacy = raw.kind !== 'tensor' && raw.kind !== 'none';
  const pluginName = legacy ? LEGACY_PLUGIN[raw.kind] : (md?.pluginData?.pluginName ?? '');
  let dataClass: DataClass = legacy ? 'unknown' : (DATA_CLASSES[md?.dataClass ?? 0] ?? 'unknown');
  if (dataClass === 'unknown') dataClass = classOf(pluginName, raw.kind);
  return {
    pluginName,
    dataClass,
    displayName: md?.displayName || (legacy ? raw.tag : ''),
    description: md?.summaryDescription ?? '',
    pluginContent: copy(raw.kind === 'audio' ? LEGACY_AUDIO_CONTENT : (md?.pluginData?.content ?? EMPTY)),
  };
}

function classOf(pluginName: string, kind: RawValue['kind']): DataClass {
  if (kind === 'simple' || pluginName === 'scalars') return 'scalar';
  if (kind === 'image' || kind === 'audio' || BLOB_PLUGINS.has(pluginName)) return 'blob_sequence';
  if (kind === 'none' && pluginName === '') return 'unknown';
  return 'tensor';
}

/** The number of a scalar-class value: simple_value, or the single element of its tensor. */
export function scalarOf(raw: RawValue): number {
  if (raw.kind === 'simple') return raw.simpleValue;
  if (raw.kind === 'tensor' && raw.payload) {
    const t = tensorFromProto(decodeTensorProto(raw.payload));
    return t.numbers.length > 0 ? t.numbers[0]! : NaN;
  }
  return NaN;
}

/** The tensor of a tensor-class value (legacy histograms converted). */
export function tensorOf(raw: RawValue): TensorValue {
  if (raw.kind === 'histo' && raw.payload) return histogramTensor(raw.payload);
  if (raw.kind === 'simple') {
    return { dtype: 'float32', shape: [], numbers: Float64Array.of(raw.simpleValue), strings: [] };
  }
  if (raw.kind === 'tensor' && raw.payload) return tensorFromProto(decodeTensorProto(raw.payload));
  return { dtype: 'float32', shape: [0], numbers: new Float64Array(0), strings: [] };
}

/** The blobs of a blob-sequence value, copied out of the record. */
export function blobsOf(raw: RawValue): Uint8Array[] {
  if (raw.kind === 'image' && raw.payload) {
    const img = decodeSummaryImage(raw.payload);
    return [utf8.encode(String(img.width ?? 0)), utf8.encode(String(img.height ?? 0)), copy(img.encodedImageString ?? EMPTY)];
  }
  if (raw.kind === 'audio' && raw.payload) {
    const audio = decodeSummaryAudio(raw.payload);
    return [copy(audio.encodedAudioString ?? EMPTY), new Uint8Array(0)];
  }
  if (raw.kind === 'tensor' && raw.payload) {
    return tensorFromProto(decodeTensorProto(raw.payload)).strings.map(copy);
  }
  return [];
}

/**
 * How many blobs a value holds, without copying them: 3 for a legacy image, 2 for
 * legacy audio, the string count of a tensor.
 */
export function blobCountOf(raw: RawValue): number {
  if (raw.kind === 'image') return 3;
  if (raw.kind === 'audio') return 2;
  if (raw.kind === 'tensor' && raw.payload) return countStrings(raw.payload);
  return 0;
}

/** Counts TensorProto.string_val (field 8) entries without decoding them. */
function countStrings(tensorProto: Uint8Array): number {
  const r = new WireReader(tensorProto);
  let n = 0;
  while (r.more()) {
    const key = r.key();
    if (key === ((8 << 3) | WireType.LengthDelimited)) n++;
    r.skip(key & 7);
  }
  return n;
}

/** A legacy HistogramProto as TensorBoard's [k, 3] float32 tensor. */
export function histogramTensor(payload: Uint8Array): TensorValue {
  const h = readHistogram(payload);
  const counts = h.counts;
  const limits = h.limits;
  let first = 0;
  while (first < counts.length && !(counts[first]! > 0)) first++;
  let last = counts.length - 1;
  while (last >= 0 && !(counts[last]! > 0)) last--;
  if (first > last) return { dtype: 'float32', shape: [0, 3], numbers: new Float64Array(0), strings: [] };
  const k = last - first + 1;
  const numbers = new Float64Array(k * 3);
  for (let i = 0; i < k; i++) {
    const b = first + i;
    const left = i === 0 ? h.min : limits[b - 1]!;
    const right = i === k - 1 ? h.max : limits[b]!;
    numbers[i * 3] = Math.fround(left);
    numbers[i * 3 + 1] = Math.fround(right);
    numbers[i * 3 + 2] = Math.fround(counts[b]!);
  }
  return { dtype: 'float32', shape: [k, 3], numbers, strings: [] };
}

function copy(bytes: Uint8Array): Uint8Array {
  return bytes.slice();
}
