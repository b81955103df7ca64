/**
 * @tb/plugin-histograms: two tabs from one package, as in TensorBoard. Histograms (weights'
 * histograms per step) at /data/plugin/histograms/ and Distributions (their percentile
 * bands) at /data/plugin/distributions/, both answering TensorBoard's routes (see
 * ../http-api.md), and one federated Preact frontend that draws the tab it is opened in.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

/** The Histograms tab. */
export const histograms = definePlugin({ id: 'histograms', title: 'Histograms', pluginNames: [PLUGIN_NAME], needs, routes });

/** The Distributions tab: the same data and routes, drawn as percentile bands. */
export const distributions = definePlugin({ id: 'distributions', title: 'Distributions', pluginNames: [PLUGIN_NAME], needs, routes });

export default [distributions, histograms];
