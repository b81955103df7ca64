/**
 * @tb/plugin-histograms: the Histograms and Distributions dashboards. Backend routes under
 * /data/plugin/histograms/ (TensorBoard-compatible; see ../http-api.md) and a federated
 * Preact frontend.
 */
import { fileURLToPath } from 'node:url';
import { DataProviderToken, definePlugin } from '@tb/core';
import { PLUGIN_ID, PLUGIN_NAME, REMOTE_NAME, VERSION } from './metadata.js';
import { histogramsRoutes } from './server.js';

export default definePlugin({
  id: PLUGIN_ID,
  version: VERSION,
  title: 'Histograms',
  pluginNames: [PLUGIN_NAME],
  needs: { data: DataProviderToken },
  routes: (app, { data }) => histogramsRoutes(app, data),
  frontend: { dir: fileURLToPath(new URL('./frontend/', import.meta.url)), remoteName: REMOTE_NAME },
});
