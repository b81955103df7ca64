/**
 * @tb/plugin-graphs: the Graphs dashboard. Backend routes under /data/plugin/graphs/
 * (TensorBoard's `info`, `graph` and `run_metadata`, answered as TensorBoard answers them,
 * plus `graph_json` for our page; see ../http-api.md) and a federated Preact frontend.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAMES } from './metadata.js';
import { needs, routes } from './server.js';

export type * from './graph-json.js';

export default definePlugin({ id: PLUGIN_ID, title: 'Graphs', pluginNames: [...PLUGIN_NAMES], needs, routes });
