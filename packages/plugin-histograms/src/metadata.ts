/**
 * The histograms plugin's identity: its id, the summary plugin_name it reads. (Its version and
 * remote name come from package.json.)
 */

/** The plugin id, its route prefix (/data/plugin/histograms/) and the plugin_name it reads. */
export const PLUGIN_ID = 'histograms';
export const PLUGIN_NAME = 'histograms';
