/**
 * The projector's identity: its plugin id (the route prefix /data/plugin/projector/)
 * and the file names TensorBoard looks for beside the event files.
 */

/** The plugin id, as TensorBoard's. */
export const PLUGIN_ID = 'projector';

/** The config file TensorBoard reads in the log root and in each run directory. */
export const PROJECTOR_FILENAME = 'projector_config.pbtxt';

/** Where TensorFlow's summary writers put plugin assets: `<run>/plugins/projector/`. */
export const PLUGIN_ASSETS_DIR = 'plugins/projector';

/** The text proto that names a directory's latest checkpoint prefix. */
export const CHECKPOINT_STATE_FILENAME = 'checkpoint';
