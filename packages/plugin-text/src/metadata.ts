/**
 * The text plugin's identity and the check of its plugin_data: its id, the summary
 * plugin_name it reads, and the `TextPluginData` versions it can show. (Its version and
 * remote name come from package.json.)
 */
import { decodeTextPluginData, ProtoDecodeError } from '@tb/core/plugin';

/** The plugin id (routes at /data/plugin/text/) and the summary plugin_name it reads. */
export const PLUGIN_ID = 'text';
export const PLUGIN_NAME = 'text';

/** The newest `TextPluginData.version` TensorBoard (and so this plugin) reads. */
export const LATEST_KNOWN_VERSION = 0;

const utf8 = new TextDecoder();

/**
 * The `TextPluginData.version` of a tag's plugin content: 0 for no content and for the
 * old JSON content `{}` (as TensorBoard reads both), null for bytes that do not decode.
 */
export function textDataVersion(content: Uint8Array): number | null {
  if (content.length === 0 || utf8.decode(content) === '{}') return 0;
  try {
    return decodeTextPluginData(content).version ?? 0;
  } catch (err) {
    if (err instanceof ProtoDecodeError) return null;
    throw err;
  }
}

/** Whether this plugin can show data of `version` (TensorBoard's `0 <= v <= latest`). */
export function isKnownVersion(version: number | null): version is number {
  return version !== null && version >= 0 && version <= LATEST_KNOWN_VERSION;
}
