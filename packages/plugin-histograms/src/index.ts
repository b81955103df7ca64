/**
 * @tb/plugin-histograms: the Histograms and Distributions dashboards. Backend routes under
 * /data/plugin/histograms/ and, as TensorBoard serves them, /data/plugin/distributions/
 * (see ../http-api.md), and a federated Preact frontend.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({ id: PLUGIN_ID, title: 'Histograms', pluginNames: [PLUGIN_NAME], needs, routes, aliases: ['distributions'] });
