/**
 * The custom scalars plugin's identity: its id, the summary plugin_name it reads and the
 * tag under which a run's layout is written (TensorBoard's `custom_scalar/metadata.py`).
 */

/** The plugin id, its route prefix (/data/plugin/custom_scalars/) and the plugin_name of a layout summary. */
export const PLUGIN_ID = 'custom_scalars';
export const PLUGIN_NAME = 'custom_scalars';

/** The tag of the summary that holds a run's Layout: a string tensor of the Layout's bytes. */
export const CONFIG_SUMMARY_TAG = 'custom_scalars__config__';

/** The plugin_name of the scalar tags the charts draw. */
export const SCALARS_PLUGIN_NAME = 'scalars';
