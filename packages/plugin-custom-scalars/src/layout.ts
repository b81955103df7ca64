/**
 * The `/layout` answer: every run's layout summary, decoded and merged in run-name
 * order, as TensorBoard's JSON; `{}` when no run has one.
 */
import type { DataProvider } from '@tb/core/plugin';
import { layoutJson } from './layout-json.js';
import { decodeLayout, type Layout } from './layout-proto.js';
import { mergeLayouts } from './merge-layouts.js';
import { CONFIG_SUMMARY_TAG, PLUGIN_NAME } from './metadata.js';

const ALL = { downsample: Number.MAX_SAFE_INTEGER } as const;

/** The layout each run wrote (the first layout summary of the run), in run-name order. */
export function readLayouts(data: DataProvider): Layout[] {
  const runs = [...data.listTags(PLUGIN_NAME).keys()].sort();
  const layouts: Layout[] = [];
  for (const run of runs) {
    const [first] = data.readTensors(PLUGIN_NAME, run, CONFIG_SUMMARY_TAG, ALL) ?? [];
    const bytes = first?.value.strings[0];
    if (!first || !bytes) continue;
    layouts.push(decodeLayout(bytes));
  }
  return layouts;
}

/** The merged layout as TensorBoard's JSON text, or `{}` when no run wrote one. */
export function layoutImpl(data: DataProvider): string {
  const merged = mergeLayouts(readLayouts(data));
  return merged ? layoutJson(merged) : '{}';
}
