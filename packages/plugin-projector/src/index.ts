/**
 * @tb/plugin-projector: the Projector dashboard. TensorBoard's routes under
 * /data/plugin/projector/ (configs, TSV and raw tensors, TF checkpoint V2 variables,
 * metadata, sprites, bookmarks) and ours for projections (PCA, t-SNE, UMAP, streamed as
 * server-sent events) and nearest neighbours on the compute runner; see ../http-api.md.
 */
import { definePlugin } from '@tb/core/plugin';
import { PLUGIN_ID } from './metadata.js';
import { needs, projectorRoutes, type ProjectorOptions } from './server.js';

export type * from './api-types.js';
export type { ProjectorOptions } from './server.js';

/**
 * A projector plugin with `options` (whether checkpoints are read, job limits).
 * @example hostPlugin(createProjectorPlugin({ checkpoints: false }), provider)
 */
export function createProjectorPlugin(options: ProjectorOptions = {}) {
  const checkpoints = options.checkpoints ?? true;
  const watched = checkpoints ? /(^|\/)(projector_config\.pbtxt|checkpoint)$/ : /(^|\/)projector_config\.pbtxt$/;
  return definePlugin({
    id: PLUGIN_ID,
    title: 'Projector',
    pluginNames: [PLUGIN_ID],
    needs,
    routes: projectorRoutes(options),
    // Cheap, as the listing asks often: a config or a checkpoint state file is there (`runs` says which runs really have embeddings).
    isActive: async ({ data }) => (await data.listFiles(watched)).length > 0,
    // TensorBoard's disable_reload: the page does not refetch a projection on each reload.
    reloadable: false,
  });
}

export default createProjectorPlugin();
