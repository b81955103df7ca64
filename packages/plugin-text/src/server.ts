/**
 * The text plugin's routes under /data/plugin/text/ (see ../http-api.md):
 *
 * - GET tags                          -> {run: [tag, ...]}
 * - GET text?run=&tag=[&markdown=false] -> [{wall_time, step, text}, ...], text as safe HTML
 */
import { DataProviderToken, field, FlagsToken, LoggerToken, routeFor, z, type Logger, type PluginFlags } from '@tb/core/plugin';
import { PLUGIN_NAME } from './metadata.js';
import { tagsImpl, textImpl, versionWarner } from './series.js';

export const needs = { data: DataProviderToken, flags: FlagsToken, logger: LoggerToken };
const route = routeFor(needs);

/** TensorBoard's text plugin reads at most this many steps per (run, tag) unless told otherwise. */
export const DEFAULT_DOWNSAMPLING = 100;

/** How many steps a `text` answer holds: `--samples_per_plugin text=N` (0: all), else 100. */
export function downsampleFor(flags: PluginFlags): number {
  const n = flags.samplesPerPlugin[PLUGIN_NAME];
  if (n === undefined) return DEFAULT_DOWNSAMPLING;
  return n > 0 ? n : Number.MAX_SAFE_INTEGER;
}

const warners = new WeakMap<Logger, ReturnType<typeof versionWarner>>();
function warnerFor(logger: Logger): ReturnType<typeof versionWarner> {
  let w = warners.get(logger);
  if (!w) warners.set(logger, (w = versionWarner(logger)));
  return w;
}

export const routes = [
  route({ method: 'GET', path: '/tags', handler: (_input, { data, logger }) => tagsImpl(data, warnerFor(logger)) }),
  route({
    method: 'GET',
    path: '/text',
    // As TensorBoard: only `markdown=false` turns markdown off.
    query: z.object({ run: field.one, tag: field.one, markdown: field.one.optional() }),
    handler: ({ query }, { data, flags }) => textImpl(data, query.run, query.tag, query.markdown !== 'false', downsampleFor(flags)),
  }),
];
