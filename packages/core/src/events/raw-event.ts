/**
 * Reads an Event record into a flat shape with views of its sub-messages, without
 * decoding what the caller may not need (image bytes, tensor contents). Field numbers
 * are those of `proto/event.proto` and `proto/summary.proto`.
 */
import { WireReader, WireType, WireFormatError } from './wire.js';

/** Which payload a summary value carries (the `Summary.Value.value` oneof). */
export type RawValueKind = 'none' | 'simple' | 'histo' | 'image' | 'audio' | 'tensor';

/** One Summary.Value; byte fields are views into the record, valid while it is. */
export interface RawValue {
  /** The tag, or the node_name of very old summaries that have no tag. */
  tag: string;
  /** Serialized SummaryMetadata, when present (TF2 writes it on a tag's first event). */
  metadata: Uint8Array | undefined;
  kind: RawValueKind;
  /** The float32 `simple_value` (kind 'simple'). */
  simpleValue: number;
  /** Serialized HistogramProto, Summary.Image, Summary.Audio or TensorProto. */
  payload: Uint8Array | undefined;
}

/** An Event with its oneof flattened. */
export interface RawEvent {
  wallTime: number;
  step: number;
  fileVersion: string | undefined;
  /** Summary values, or undefined when the event has no summary. */
  values: RawValue[] | undefined;
  /** SessionLog status (1 START, 2 STOP, 3 CHECKPOINT), 0 when absent. */
  sessionLogStatus: number;
  graphDef: Uint8Array | undefined;
  metaGraphDef: Uint8Array | undefined;
  taggedRunMetadata: { tag: string; runMetadata: Uint8Array } | undefined;
}

// Event fields.
const EV_WALL_TIME = (1 << 3) | WireType.Fixed64;
const EV_STEP = (2 << 3) | WireType.Varint;
const EV_FILE_VERSION = (3 << 3) | WireType.LengthDelimited;
const EV_GRAPH_DEF = (4 << 3) | WireType.LengthDelimited;
const EV_SUMMARY = (5 << 3) | WireType.LengthDelimited;
const EV_SESSION_LOG = (7 << 3) | WireType.LengthDelimited;
const EV_TAGGED_RUN_METADATA = (8 << 3) | WireType.LengthDelimited;
const EV_META_GRAPH_DEF = (9 << 3) | WireType.LengthDelimited;
// Summary fields.
const SUM_VALUE = (1 << 3) | WireType.LengthDelimited;
// Summary.Value fields.
const V_TAG = (1 << 3) | WireType.LengthDelimited;
const V_SIMPLE = (2 << 3) | WireType.Fixed32;
const V_IMAGE = (4 << 3) | WireType.LengthDelimited;
const V_HISTO = (5 << 3) | WireType.LengthDelimited;
const V_AUDIO = (6 << 3) | WireType.LengthDelimited;
const V_NODE_NAME = (7 << 3) | WireType.LengthDelimited;
const V_TENSOR = (8 << 3) | WireType.LengthDelimited;
const V_METADATA = (9 << 3) | WireType.LengthDelimited;
// SessionLog / TaggedRunMetadata fields.
const SL_STATUS = (1 << 3) | WireType.Varint;
const TRM_TAG = (1 << 3) | WireType.LengthDelimited;
const TRM_RUN_METADATA = (2 << 3) | WireType.LengthDelimited;

/**
 * Decodes one Event record. Throws {@link WireFormatError} when the bytes are not a
 * well-formed Event; the caller drops that record.
 */
export function readRawEvent(buf: Uint8Array): RawEvent {
  const r = new WireReader(buf);
  const ev: RawEvent = {
    wallTime: 0,
    step: 0,
    fileVersion: undefined,
    values: undefined,
    sessionLogStatus: 0,
    graphDef: undefined,
    metaGraphDef: undefined,
    taggedRunMetadata: undefined,
  };
  while (r.more()) {
    const key = r.key();
    switch (key) {
      case EV_WALL_TIME:
        ev.wallTime = r.double();
        break;
      case EV_STEP:
        ev.step = r.int64();
        break;
      case EV_FILE_VERSION:
        ev.fileVersion = r.string();
        break;
      case EV_SUMMARY:
        readSummary(r, (ev.values ??= []));
        break;
      case EV_GRAPH_DEF:
        ev.graphDef = r.bytes();
        break;
      case EV_META_GRAPH_DEF:
        ev.metaGraphDef = r.bytes();
        break;
      case EV_SESSION_LOG: {
        const [start, end] = r.bytesRange();
        ev.sessionLogStatus = readSessionLogStatus(buf, start, end);
        break;
      }
      case EV_TAGGED_RUN_METADATA: {
        const [start, end] = r.bytesRange();
        ev.taggedRunMetadata = readTaggedRunMetadata(buf, start, end);
        break;
      }
      default:
        if (key >>> 3 === 0) throw new WireFormatError('field number 0 in an Event');
        r.skip(key & 7);
    }
  }
  return ev;
}

/** Reads a length-delimited sub-message in place: narrows the reader, then restores it. */
function enter(r: WireReader): number {
  const outer = r.end;
  const len = r.uint32();
  const end = r.pos + len;
  if (end > outer) throw new WireFormatError(`field of ${len} bytes runs past the end of the message`);
  r.end = end;
  return outer;
}

function readSummary(r: WireReader, out: RawValue[]): void {
  const outer = enter(r);
  while (r.more()) {
    const key = r.key();
    if (key === SUM_VALUE) out.push(readValue(r));
    else r.skip(key & 7);
  }
  r.end = outer;
}

function readValue(r: WireReader): RawValue {
  const outer = enter(r);
  const v: RawValue = { tag: '', metadata: undefined, kind: 'none', simpleValue: 0, payload: undefined };
  let nodeName = '';
  while (r.more()) {
    const key = r.key();
    switch (key) {
      case V_TAG:
        v.tag = r.string();
        break;
      case V_SIMPLE:
        v.kind = 'simple';
        v.simpleValue = r.float();
        break;
      case V_HISTO:
        v.kind = 'histo';
        v.payload = r.bytes();
        break;
      case V_IMAGE:
        v.kind = 'image';
        v.payload = r.bytes();
        break;
      case V_AUDIO:
        v.kind = 'audio';
        v.payload = r.bytes();
        break;
      case V_TENSOR:
        v.kind = 'tensor';
        v.payload = r.bytes();
        break;
      case V_METADATA:
        v.metadata = r.bytes();
        break;
      case V_NODE_NAME:
        nodeName = r.string();
        break;
      default:
        r.skip(key & 7);
    }
  }
  if (v.tag === '') v.tag = nodeName;
  r.end = outer;
  return v;
}

function readSessionLogStatus(buf: Uint8Array, start: number, end: number): number {
  const r = new WireReader(buf, start, end);
  let status = 0;
  while (r.more()) {
    const key = r.key();
    if (key === SL_STATUS) status = r.uint32();
    else r.skip(key & 7);
  }
  return status;
}

function readTaggedRunMetadata(buf: Uint8Array, start: number, end: number): RawEvent['taggedRunMetadata'] {
  const r = new WireReader(buf, start, end);
  let tag = '';
  let runMetadata: Uint8Array = new Uint8Array(0);
  while (r.more()) {
    const key = r.key();
    if (key === TRM_TAG) tag = r.string();
    else if (key === TRM_RUN_METADATA) runMetadata = r.bytes();
    else r.skip(key & 7);
  }
  return { tag, runMetadata };
}
