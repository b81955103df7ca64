/**
 * @tb/plugin-custom-scalars: the Custom Scalars dashboard. Backend routes under
 * /data/plugin/custom_scalars/ (TensorBoard-compatible; see ../http-api.md) and a
 * federated Preact frontend (src/frontend/, built by tb-plugin-build). It reads the
 * layout summaries and the scalar tags they name; the tab is active only where some run
 * wrote a layout, as in TensorBoard.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID, PLUGIN_NAME, SCALARS_PLUGIN_NAME } from './metadata.js';
import { needs, routes } from './server.js';

export default definePlugin({
  id: PLUGIN_ID,
  title: 'Custom Scalars',
  pluginNames: [PLUGIN_NAME, SCALARS_PLUGIN_NAME],
  needs,
  routes,
  isActive: ({ data }) => data.listTags(PLUGIN_NAME).size > 0,
});
