/**
 * The images plugin's identity: its id, the summary plugin_name it reads. (Its version and
 * remote name come from package.json.)
 */

export const PLUGIN_ID = 'images';
export const PLUGIN_NAME = 'images';
