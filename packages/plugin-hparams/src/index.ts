/**
 * @tb/plugin-hparams: the HParams dashboard. Backend routes under /data/plugin/hparams/
 * (TensorBoard's: experiment, session_groups, metric_evals, download_data; see
 * ../http-api.md), reading TensorFlow's, PyTorch's and @tb/writer's hparams summaries,
 * and a federated Preact frontend. The request and answer types are in ./api-types.ts.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export type * from './api-types.js';

export default definePlugin({ id: PLUGIN_ID, title: 'HParams', pluginNames: [PLUGIN_NAME], needs, routes });
