/**
 * The writer side of a layout: the event `add_custom_scalars` writes, a summary tagged
 * `custom_scalars__config__` whose string tensor holds the Layout's bytes, with
 * plugin_name `custom_scalars` (TensorBoard's `custom_scalar/summary.py`). Framed as a
 * TFRecord, ready to append to an event file; tests and demos use it to write layouts.
 */
import { maskedCrc32c } from '@tb/core/plugin';
import { encodeLayout, type Layout } from './layout-proto.js';
import { CONFIG_SUMMARY_TAG, PLUGIN_NAME } from './metadata.js';
import { WireWriter } from './wire.js';

/** TensorFlow's `DT_STRING`. */
const DT_STRING = 7;

/** The serialized `Event` that carries `layout` at `step` and `wallTime` (seconds). */
export function layoutEvent(layout: Layout, wallTime: number, step = 0): Uint8Array {
  const pluginData = new WireWriter().string(1, PLUGIN_NAME).finish();
  const metadata = new WireWriter().bytes(1, pluginData).finish();
  const tensor = new WireWriter().varint(1, DT_STRING).bytes(2, new Uint8Array(0)).bytes(8, encodeLayout(layout)).finish();
  const value = new WireWriter().string(1, CONFIG_SUMMARY_TAG).bytes(9, metadata).bytes(8, tensor).finish();
  const summary = new WireWriter().bytes(1, value).finish();
  return new WireWriter().double(1, wallTime).varint(2, step).bytes(5, summary).finish();
}

/** The serialized file-version `Event` that starts every event file (`brain.Event:2`). */
export function fileVersionEvent(wallTime: number): Uint8Array {
  return new WireWriter().double(1, wallTime).string(3, 'brain.Event:2').finish();
}

/** `data` framed as one TFRecord: length, its masked CRC32C, the data, its masked CRC32C. */
export function tfRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length + 16);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length >>> 0, true);
  view.setUint32(4, Math.floor(data.length / 2 ** 32), true);
  view.setUint32(8, maskedCrc32c(out, 0, 8), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, maskedCrc32c(data), true);
  return out;
}

/** A whole event file holding just `layout`: the file-version record, then the layout's. */
export function layoutEventFile(layout: Layout, wallTime: number): Uint8Array {
  const a = tfRecord(fileVersionEvent(wallTime));
  const b = tfRecord(layoutEvent(layout, wallTime));
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
