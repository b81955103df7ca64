/**
 * @tb/plugin-audio: the Audio dashboard. Backend routes under /data/plugin/audio/
 * (TensorBoard-compatible, with its blob keys; see ../http-api.md) and a federated
 * Preact frontend.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({ id: PLUGIN_ID, title: 'Audio', pluginNames: [PLUGIN_NAME], needs, routes });
