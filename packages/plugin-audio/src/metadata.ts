/**
 * The audio plugin's identity: its id, the summary plugin_name it reads, and the parse of
 * its plugin_data (`AudioPluginData`: which encoding the clips are in). (Its version and
 * remote name come from package.json.)
 */
import { decodeAudioPluginData } from '@tb/core/plugin';

export const PLUGIN_ID = 'audio';
export const PLUGIN_NAME = 'audio';

/** `AudioPluginData.Encoding.WAV`. */
const WAV = 11;

/** What TensorBoard sends for an encoding it does not know. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** The content types `individualAudio` may be asked to answer with, as TensorBoard allows. */
export const ALLOWED_CONTENT_TYPES: ReadonlySet<string> = new Set(['audio/wav', DEFAULT_CONTENT_TYPE]);

/**
 * The content type of a tag's clips, from its `AudioPluginData.encoding`: 'audio/wav' for
 * WAV, else 'application/octet-stream' (unreadable content included), as TensorBoard.
 *
 * @example audioContentType(Uint8Array.of(0x10, 0x0b)) // 'audio/wav'
 */
export function audioContentType(pluginContent: Uint8Array): string {
  try {
    return decodeAudioPluginData(pluginContent).encoding === WAV ? 'audio/wav' : DEFAULT_CONTENT_TYPE;
  } catch {
    return DEFAULT_CONTENT_TYPE;
  }
}
