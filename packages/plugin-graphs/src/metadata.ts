/**
 * The graphs plugin's identity: its id and the summary plugin_names it reads, as
 * TensorBoard's plugins/graph/metadata.py names them. (Its version and remote name come
 * from package.json.)
 *
 * How tb-core's DataProvider holds graphs: a run's `Event.graph_def` is the tag
 * `__run_graph__` of plugin `graphs`, a blob sequence whose blob is the serialized GraphDef.
 * The summaries below are blob sequences too, their blob a serialized RunMetadata (or the
 * Keras model's JSON), their `plugin_data.content` the version `"1"`. An
 * `Event.tagged_run_metadata` (profile data only; TensorBoard's `graph_tagged_run_metadata`)
 * is a tag of plugin `graph_run_metadata` with empty content.
 */

/** The plugin id: routes at /data/plugin/graphs/. */
export const PLUGIN_ID = 'graphs';

/** The plugin_name of run-level graphs (`Event.graph_def`). */
export const PLUGIN_NAME = 'graphs';

/** The tag of a run's own graph. */
export const RUN_GRAPH_TAG = '__run_graph__';

/** RunMetadata with an op graph and profile data (`tf.summary.trace_export` with profiler). */
export const PLUGIN_NAME_RUN_METADATA = 'graph_run_metadata';

/** RunMetadata with an op graph only (`tf.summary.trace_export` without profiler). */
export const PLUGIN_NAME_RUN_METADATA_WITH_GRAPH = 'graph_run_metadata_graph';

/** A Keras model's config as JSON (`model.to_json()`): the conceptual graph. */
export const PLUGIN_NAME_KERAS_MODEL = 'graph_keras_model';

/** Every plugin_name this plugin reads. */
export const PLUGIN_NAMES = [PLUGIN_NAME, PLUGIN_NAME_RUN_METADATA, PLUGIN_NAME_RUN_METADATA_WITH_GRAPH, PLUGIN_NAME_KERAS_MODEL] as const;

/** The plugin_data content of the summaries above that TensorBoard accepts. */
export const SUMMARY_VERSION = '1';

/** What a `graph_run_metadata` tag is: a summary (`content "1"`) or a tagged RunMetadata event. */
export function runMetadataKind(content: Uint8Array): 'summary' | 'tagged' | 'unknown' {
  if (content.length === 0) return 'tagged';
  return isSummaryVersion(content) ? 'summary' : 'unknown';
}

/** True when plugin content is the version TensorBoard reads (`"1"`). */
export function isSummaryVersion(content: Uint8Array): boolean {
  return content.length === 1 && content[0] === SUMMARY_VERSION.charCodeAt(0);
}
