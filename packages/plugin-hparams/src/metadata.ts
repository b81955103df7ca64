/**
 * The hparams plugin's identity and the parse of its plugin_data: the plugin name, the
 * three tags TensorBoard's (and PyTorch's, and @tb/writer's) hparams summaries use, and
 * their `HParamsPluginData` content, checked as TensorBoard checks it (version 0, the
 * expected member set).
 */
import {
  decodeHParamsPluginData,
  InvalidArgumentError,
  ProtoDecodeError,
  type ExperimentMessage,
  type HParamsPluginDataMessage,
  type SessionEndInfoMessage,
  type SessionStartInfoMessage,
} from '@tb/core/plugin';

/** The plugin id (routes at /data/plugin/hparams/) and the summary plugin_name it reads. */
export const PLUGIN_ID = 'hparams';
export const PLUGIN_NAME = 'hparams';

/** The tag of the experiment's configuration (hyperparameters, metrics). */
export const EXPERIMENT_TAG = '_hparams_/experiment';
/** The tag of a session's start: its hyperparameter values. A run with one is a session. */
export const SESSION_START_INFO_TAG = '_hparams_/session_start_info';
/** The tag of a session's end: its status and end time. */
export const SESSION_END_INFO_TAG = '_hparams_/session_end_info';

/** The only plugin_data version TensorBoard reads. */
export const PLUGIN_DATA_VERSION = 0;

type Member = 'experiment' | 'sessionStartInfo' | 'sessionEndInfo';

/**
 * Decodes `content` and returns its `member`. Throws an InvalidArgumentError (a 400, as
 * TensorBoard answers) naming the run and tag when the bytes do not decode, the version
 * is not 0, or another member is set.
 */
function parseAs<M extends Member>(content: Uint8Array, member: M, where: string): NonNullable<HParamsPluginDataMessage[M]> {
  let data: HParamsPluginDataMessage;
  try {
    data = decodeHParamsPluginData(content);
  } catch (err) {
    if (!(err instanceof ProtoDecodeError)) throw err;
    throw new InvalidArgumentError(`${where}: expected an HParamsPluginData message, found bytes that do not decode (${err.message})`);
  }
  if (data.version !== PLUGIN_DATA_VERSION) {
    throw new InvalidArgumentError(`${where}: only hparams plugin_data version ${PLUGIN_DATA_VERSION} is supported, found version ${data.version}`);
  }
  const value = data[member];
  if (data.data !== member || value === undefined) {
    throw new InvalidArgumentError(`${where}: expected plugin_data.${member} to be set, found ${data.data ?? 'no member'} set`);
  }
  return value as NonNullable<HParamsPluginDataMessage[M]>;
}

/** The experiment written under {@link EXPERIMENT_TAG} in `run`. */
export function parseExperiment(content: Uint8Array, run: string): ExperimentMessage {
  return parseAs(content, 'experiment', `run ${JSON.stringify(run)}, tag ${EXPERIMENT_TAG}`);
}

/** The session start written under {@link SESSION_START_INFO_TAG} in `run`. */
export function parseSessionStartInfo(content: Uint8Array, run: string): SessionStartInfoMessage {
  return parseAs(content, 'sessionStartInfo', `run ${JSON.stringify(run)}, tag ${SESSION_START_INFO_TAG}`);
}

/** The session end written under {@link SESSION_END_INFO_TAG} in `run`. */
export function parseSessionEndInfo(content: Uint8Array, run: string): SessionEndInfoMessage {
  return parseAs(content, 'sessionEndInfo', `run ${JSON.stringify(run)}, tag ${SESSION_END_INFO_TAG}`);
}
