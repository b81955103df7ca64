/**
 * TensorBoard's dashboards and the tb-core package that shows each: from the plugin
 * names summaries are written under (`plugin_data.plugin_name`) and TensorBoard's tab ids
 * (`#graphs` in a link) to `@tb/plugin-graphs`. The page uses it to tell users which
 * package to install for data no installed plugin reads, or for a tab it does not have.
 */

/** One dashboard of TensorBoard, and where tb-core has it. */
export interface KnownPlugin {
  /** TensorBoard's tab id, also the tb-core plugin id. */
  readonly id: string;
  readonly title: string;
  /** The npm package that shows it. */
  readonly packageName: string;
  /** What its data is called in a sentence: "graph" in "this log root has graph data". */
  readonly data: string;
  /** The plugin names its summaries are written under. */
  readonly pluginNames: readonly string[];
  /** Other tab ids that open it (TensorBoard's `#distributions` is the histograms plugin's). */
  readonly tabAliases?: readonly string[];
}

/** The table, in TensorBoard's tab order. */
export const KNOWN_PLUGINS: readonly KnownPlugin[] = [
  { id: 'scalars', title: 'Scalars', packageName: '@tb/plugin-scalars', data: 'scalar', pluginNames: ['scalars'] },
  { id: 'images', title: 'Images', packageName: '@tb/plugin-images', data: 'image', pluginNames: ['images'] },
  { id: 'audio', title: 'Audio', packageName: '@tb/plugin-audio', data: 'audio', pluginNames: ['audio'] },
  {
    id: 'graphs',
    title: 'Graphs',
    packageName: '@tb/plugin-graphs',
    data: 'graph',
    pluginNames: ['graphs', 'graph_run_metadata', 'graph_run_metadata_graph', 'graph_keras_model'],
  },
  {
    id: 'histograms',
    title: 'Histograms',
    packageName: '@tb/plugin-histograms',
    data: 'histogram',
    pluginNames: ['histograms'],
    tabAliases: ['distributions'],
  },
  { id: 'text', title: 'Text', packageName: '@tb/plugin-text', data: 'text', pluginNames: ['text'] },
  { id: 'pr_curves', title: 'PR Curves', packageName: '@tb/plugin-pr-curves', data: 'PR curve', pluginNames: ['pr_curves'] },
  {
    id: 'profile',
    title: 'Profile',
    packageName: '@tb/plugin-profiler',
    data: 'profiler',
    pluginNames: ['profile', 'pytorch_profiler'],
    tabAliases: ['pytorch_profiler', 'profiler'],
  },
  { id: 'hparams', title: 'HParams', packageName: '@tb/plugin-hparams', data: 'hyper-parameter', pluginNames: ['hparams'] },
  { id: 'custom_scalars', title: 'Custom Scalars', packageName: '@tb/plugin-custom-scalars', data: 'custom scalar layout', pluginNames: ['custom_scalars'] },
  { id: 'mesh', title: 'Mesh', packageName: '@tb/plugin-mesh', data: 'mesh', pluginNames: ['mesh'] },
  { id: 'projector', title: 'Projector', packageName: '@tb/plugin-projector', data: 'embedding', pluginNames: ['projector'] },
];

/** The known dashboard a tab id (or one of its aliases) names, if any. */
export function knownPluginForTab(tab: string): KnownPlugin | undefined {
  return KNOWN_PLUGINS.find((k) => k.id === tab || k.tabAliases?.includes(tab));
}

/** The known dashboard that reads summaries of `pluginName`, if any. */
export function knownPluginForName(pluginName: string): KnownPlugin | undefined {
  return KNOWN_PLUGINS.find((k) => k.pluginNames.includes(pluginName));
}
