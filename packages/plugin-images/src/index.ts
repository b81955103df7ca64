/**
 * @tb/plugin-images: the Images dashboard. Backend routes under /data/plugin/images/
 * (TensorBoard-compatible, with its blob keys; see ../http-api.md) and a federated
 * Preact frontend.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({ id: PLUGIN_ID, title: 'Images', pluginNames: [PLUGIN_NAME], needs, routes });
