/**
 * @tb/plugin-images: sample images, augmentations and confusion matrices, step by step.
 * Backend routes under /data/plugin/images/ (TensorBoard-compatible; see ../http-api.md)
 * and a federated Preact frontend.
 */
import { fileURLToPath } from 'node:url';
import { DataProviderToken, definePlugin } from '@tb/core';
import { PLUGIN_ID, PLUGIN_NAME, REMOTE_NAME, VERSION } from './metadata.js';
import { imagesRoutes } from './server.js';

export default definePlugin({
  id: PLUGIN_ID,
  version: VERSION,
  title: 'Images',
  pluginNames: [PLUGIN_NAME],
  needs: { data: DataProviderToken },
  routes: (app, { data }) => imagesRoutes(app, data),
  frontend: { dir: fileURLToPath(new URL('./frontend/', import.meta.url)), remoteName: REMOTE_NAME },
});
