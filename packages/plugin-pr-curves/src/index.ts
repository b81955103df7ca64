/**
 * @tb/plugin-pr-curves: the PR Curves dashboard. Backend routes under
 * /data/plugin/pr_curves/ (TensorBoard-compatible; see ../http-api.md) and a federated
 * Preact frontend: a chart per tag, runs overlaid, a step slider per card.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({ id: PLUGIN_ID, title: 'PR Curves', pluginNames: [PLUGIN_NAME], needs, routes });
