/**
 * `GET info`: which graphs each run has, exactly as TensorBoard's graphs plugin answers:
 *
 *   {run: {run, run_graph, tags: {tag: {tag, conceptual_graph, op_graph, profile}}}}
 *
 * `run_graph` is the run's own GraphDef; per tag, `op_graph` a graph of ops inside a
 * RunMetadata summary, `profile` step stats (`run_metadata`), `conceptual_graph` a Keras
 * model. Summaries whose plugin content is not the version `"1"` are left out, as
 * TensorBoard leaves them out.
 */
import type { DataProvider } from '@tb/core/plugin';
import {
  isSummaryVersion,
  PLUGIN_NAME,
  PLUGIN_NAME_KERAS_MODEL,
  PLUGIN_NAME_RUN_METADATA,
  PLUGIN_NAME_RUN_METADATA_WITH_GRAPH,
  RUN_GRAPH_TAG,
  runMetadataKind,
} from './metadata.js';

/** What one tag of a run offers. */
export interface TagGraphsInfo {
  tag: string;
  conceptual_graph: boolean;
  op_graph: boolean;
  profile: boolean;
}

/** What one run offers. */
export interface RunGraphsInfo {
  run: string;
  tags: Record<string, TagGraphsInfo>;
  run_graph: boolean;
}

/** The answer of `info`, keyed by run. */
export type GraphsInfo = Record<string, RunGraphsInfo>;

/** Builds the `info` answer from what the provider holds now. */
export function infoImpl(data: DataProvider): GraphsInfo {
  const result: GraphsInfo = {};
  const runItem = (run: string): RunGraphsInfo => (result[run] ??= { run, tags: {}, run_graph: false });
  // As TensorBoard's add_row_item: an empty tag adds the run and nothing else.
  const tagItem = (run: string, tag: string): TagGraphsInfo => {
    const fresh = { tag, conceptual_graph: false, op_graph: false, profile: false };
    const item = runItem(run);
    return tag === '' ? fresh : (item.tags[tag] ??= fresh);
  };

  for (const [run, tags] of data.listTags(PLUGIN_NAME_RUN_METADATA_WITH_GRAPH)) {
    for (const [tag, info] of tags) if (isSummaryVersion(info.pluginContent)) tagItem(run, tag).op_graph = true;
  }
  for (const [run, tags] of data.listTags(PLUGIN_NAME_RUN_METADATA)) {
    for (const [tag, info] of tags) {
      if (runMetadataKind(info.pluginContent) !== 'summary') continue;
      const item = tagItem(run, tag);
      item.profile = true;
      item.op_graph = true;
    }
  }
  for (const [run, tags] of data.listTags(PLUGIN_NAME_KERAS_MODEL)) {
    for (const [tag, info] of tags) if (isSummaryVersion(info.pluginContent)) tagItem(run, tag).conceptual_graph = true;
  }
  for (const [run, tags] of data.listTags(PLUGIN_NAME)) {
    if (tags.has(RUN_GRAPH_TAG)) runItem(run).run_graph = true;
  }
  for (const [run, tags] of data.listTags(PLUGIN_NAME_RUN_METADATA)) {
    for (const [tag, info] of tags) if (runMetadataKind(info.pluginContent) === 'tagged') tagItem(run, tag).profile = true;
  }
  return result;
}
