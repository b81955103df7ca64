/**
 * The plugin's identity, in one place: its id (its routes live under
 * `/data/plugin/__ID__/`), its tab title, and the summaries it reads (the plugin name
 * their writer gave them: `scalars` for `add_scalar`).
 */
export const PLUGIN_ID = '__ID__';

/** The tab's title. */
export const TITLE = '__TITLE__';

/** The plugin name of the summaries this plugin reads, e.g. `scalars`. */
export const PLUGIN_NAME = '__PLUGIN_NAME__';
