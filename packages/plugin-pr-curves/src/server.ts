/**
 * The PR curves plugin's routes under /data/plugin/pr_curves/ (see ../http-api.md):
 *
 * - GET tags                          -> {run: {tag: {displayName, description}}}
 * - GET pr_curves?run=A&run=B&tag=T   -> {run: [{wall_time, step, precision, recall, thresholds, true_positives, ...}, ...]}
 */
import { DataProviderToken, field, FlagsToken, routeFor, z } from '@tb/core/plugin';
import { DEFAULT_DOWNSAMPLING, PLUGIN_NAME } from './metadata.js';
import { prCurvesImpl, tagsImpl } from './series.js';

export const needs = { data: DataProviderToken, flags: FlagsToken };
const route = routeFor(needs);

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) }),
  route({
    method: 'GET',
    path: '/pr_curves',
    query: z.object({ run: field.many, tag: field.one }),
    handler: ({ query }, { data, flags }) => prCurvesImpl(data, query.run, query.tag, downsampleTo(flags.samplesPerPlugin[PLUGIN_NAME])),
  }),
];

/** `--samples_per_plugin pr_curves=N` as a downsample: 100 when not given, every step for 0. */
export function downsampleTo(samples: number | undefined): number {
  if (samples === undefined) return DEFAULT_DOWNSAMPLING;
  return samples === 0 ? Number.MAX_SAFE_INTEGER : samples;
}
