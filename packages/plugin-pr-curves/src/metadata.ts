/**
 * The PR curves plugin's identity: its id, the summary plugin_name it reads, the rows of
 * its [6, num_thresholds] tensor and the one plugin_data version it knows.
 */
import { decodePrCurvePluginData } from '@tb/core/plugin';

export const PLUGIN_ID = 'pr_curves';
export const PLUGIN_NAME = 'pr_curves';

/** Rows of a PR curve tensor, one column per threshold. */
export const TRUE_POSITIVES_ROW = 0;
export const FALSE_POSITIVES_ROW = 1;
export const TRUE_NEGATIVES_ROW = 2;
export const FALSE_NEGATIVES_ROW = 3;
export const PRECISION_ROW = 4;
export const RECALL_ROW = 5;
/** How many rows a PR curve tensor has. */
export const ROWS = 6;

/** The newest `PrCurvePluginData.version` this plugin reads; tags written with a newer one are left out. */
export const LATEST_KNOWN_VERSION = 0;

/** How many steps of each (run, tag) the `pr_curves` route answers by default, as TensorBoard's. */
export const DEFAULT_DOWNSAMPLING = 100;

/**
 * Whether a tag's `plugin_data.content` is one this plugin reads: a PrCurvePluginData whose
 * version is at most {@link LATEST_KNOWN_VERSION} (empty content is version 0).
 */
export function isKnownVersion(content: Uint8Array): boolean {
  try {
    return decodePrCurvePluginData(content).version <= LATEST_KNOWN_VERSION;
  } catch {
    return false;
  }
}
