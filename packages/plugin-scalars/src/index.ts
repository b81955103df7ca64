/**
 * @tb/plugin-scalars: the Scalars dashboard. Backend routes under
 * /data/plugin/scalars/ (TensorBoard-compatible; see ../http-api.md) and a federated
 * Preact frontend.
 */
import { fileURLToPath } from 'node:url';
import { DataProviderToken, definePlugin } from '@tb/core';
import { PLUGIN_ID, PLUGIN_NAME, REMOTE_NAME, VERSION } from './metadata.js';
import { scalarsRoutes } from './server.js';

export default definePlugin({
  id: PLUGIN_ID,
  version: VERSION,
  title: 'Scalars',
  pluginNames: [PLUGIN_NAME],
  needs: { data: DataProviderToken },
  routes: (app, { data }) => scalarsRoutes(app, data),
  frontend: { dir: fileURLToPath(new URL('./frontend/', import.meta.url)), remoteName: REMOTE_NAME },
});
