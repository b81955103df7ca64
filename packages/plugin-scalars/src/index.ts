/**
 * @tb/plugin-scalars: the Scalars dashboard. Backend routes under
 * /data/plugin/scalars/ (TensorBoard-compatible; see ../http-api.md) and a federated
 * Preact frontend (src/frontend/, built by tb-plugin-build).
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({ id: PLUGIN_ID, title: 'Scalars', pluginNames: [PLUGIN_NAME], needs, routes });
