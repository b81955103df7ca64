/**
 * The scalars plugin's identity: its id and the summary plugin_name it reads, and the
 * parse of its plugin_data. (Its version and remote name come from package.json.)
 */

/** The plugin id, its route prefix (/data/plugin/scalars/) and the plugin_name it reads. */
export const PLUGIN_ID = 'scalars';
export const PLUGIN_NAME = 'scalars';

/** The newest `ScalarPluginData.version` this plugin reads; newer tags are skipped, as in TensorBoard. */
export const LATEST_DATA_VERSION = 0;

/** The parse of a scalar tag's `plugin_data.content` (TensorBoard's `ScalarPluginData`). */
export interface ScalarPluginData {
  /** 0 when absent (empty content, as most writers leave it). */
  readonly version: number;
}

/**
 * Reads `ScalarPluginData { int32 version = 1; }` from its protobuf bytes. Unknown
 * fields are skipped; bytes that are not a valid message throw a RangeError.
 */
export function parsePluginData(content: Uint8Array): ScalarPluginData {
  let version = 0;
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= content.length || shift > 63) throw new RangeError(`scalar plugin_data: varint cut off at byte ${at}`);
      const byte = content[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < content.length) {
    const key = varint();
    const wire = key % 8;
    if (key >>> 3 === 1 && wire === 0) version = varint();
    else if (wire === 0) varint();
    else if (wire === 1) at += 8;
    else if (wire === 2) {
      const length = varint();
      at += length;
    }
    else if (wire === 5) at += 4;
    else throw new RangeError(`scalar plugin_data: expected a protobuf wire type 0, 1, 2 or 5, found ${wire} at byte ${at}`);
    if (at > content.length) throw new RangeError('scalar plugin_data: field cut off at the end');
  }
  return { version };
}
