/**
 * TensorBoard's hparams format (tensorboard/plugins/hparams): three summaries whose
 * metadata carries an HParamsPluginData message (and whose tensor is an empty
 * placeholder): the experiment (which hyper-parameters and metrics exist), a session's
 * start (its values) and its end.
 */
import { DataClass, floatTensor, summaryValue } from './messages.js';
import { ProtoWriter } from './proto.js';

export type HParamValue = number | string | boolean;

export const EXPERIMENT_TAG = '_hparams_/experiment';
export const SESSION_START_TAG = '_hparams_/session_start_info';
export const SESSION_END_TAG = '_hparams_/session_end_info';

/** google.protobuf.Value for a number, string or bool. */
function structValue(v: HParamValue): ProtoWriter {
  if (typeof v === 'number') return new ProtoWriter().double(2, v);
  if (typeof v === 'string') return new ProtoWriter().string(3, v);
  return new ProtoWriter().bool(4, v);
}

/** hparams.DataType: FLOAT64 3, STRING 1, BOOL 2. */
function dataType(v: HParamValue): number {
  return typeof v === 'number' ? 3 : typeof v === 'string' ? 1 : 2;
}

function pluginData(field: 2 | 3 | 4, message: ProtoWriter): Uint8Array {
  return new ProtoWriter().message(field, message).finish();
}

/** TensorBoard's placeholder for metadata-only values: an empty float32 vector. */
const NULL_TENSOR = floatTensor([], [0]);

function value(tag: string, content: Uint8Array): ProtoWriter {
  return summaryValue(tag, { pluginName: 'hparams', content, dataClass: DataClass.UNKNOWN }, NULL_TENSOR);
}

/** The experiment summary: every hyper-parameter (type, optional discrete domain) and metric tag. */
export function experimentValue(
  hparams: Readonly<Record<string, HParamValue>>,
  metricTags: readonly string[],
  domains: Readonly<Record<string, readonly HParamValue[]>> = {},
  timeCreated = Date.now() / 1000,
): ProtoWriter {
  const experiment = new ProtoWriter().double(3, timeCreated);
  for (const [name, v] of Object.entries(hparams)) {
    const info = new ProtoWriter().string(1, name).varint(4, dataType(v));
    const domain = domains[name];
    if (domain) {
      const list = new ProtoWriter();
      for (const d of domain) list.message(1, structValue(d));
      info.message(5, list);
    }
    experiment.message(4, info);
  }
  for (const tag of metricTags) experiment.message(5, new ProtoWriter().message(1, new ProtoWriter().string(2, tag)));
  return value(EXPERIMENT_TAG, pluginData(2, experiment));
}

/** A session's start: its hyper-parameter values. */
export function sessionStartValue(hparams: Readonly<Record<string, HParamValue>>, groupName = '', startTime = Date.now() / 1000): ProtoWriter {
  const start = new ProtoWriter();
  for (const [name, v] of Object.entries(hparams)) start.message(1, new ProtoWriter().string(1, name).message(2, structValue(v)));
  if (groupName) start.string(4, groupName);
  start.double(5, startTime);
  return value(SESSION_START_TAG, pluginData(3, start));
}

/** A session's end, successful. */
export function sessionEndValue(endTime = Date.now() / 1000): ProtoWriter {
  return value(SESSION_END_TAG, pluginData(4, new ProtoWriter().varint(1, 1).double(2, endTime)));
}
