/** @tb/plugin-histograms (scaffold; the dashboard lands with its issue). */
import { fileURLToPath } from 'node:url';
import { DataProviderToken, definePlugin } from '@tb/core';
import { PLUGIN_ID, PLUGIN_NAME, REMOTE_NAME, VERSION } from './metadata.js';

export default definePlugin({
  id: PLUGIN_ID,
  version: VERSION,
  title: 'Histograms',
  pluginNames: [PLUGIN_NAME],
  needs: { data: DataProviderToken },
  routes: () => {},
  frontend: { dir: fileURLToPath(new URL('./frontend/', import.meta.url)), remoteName: REMOTE_NAME },
});
