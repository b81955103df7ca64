/**
 * How many points of a tag each plugin keeps (TensorBoard's --samples_per_plugin).
 * 0 keeps every point. Scalars are kept in full by default; `*` is the default for
 * plugins not named.
 */
import { InvalidArgumentError } from '../errors.js';

/** Plugin name (or `*`) -> most points kept per (run, tag). */
export type SamplesPerPlugin = Readonly<Record<string, number>>;

export const DEFAULT_SAMPLES: SamplesPerPlugin = {
  scalars: 0,
  histograms: 500,
  images: 10,
  audio: 10,
  '*': 100,
};

/**
 * Parses `scalars=1000,images=50` (`all` is accepted as 0, keep everything).
 * Throws {@link InvalidArgumentError} naming the bad entry.
 */
export function parseSamplesPerPlugin(spec: string): SamplesPerPlugin {
  const out: Record<string, number> = {};
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*(\d+|all)$/.exec(part);
    if (!m) {
      throw new InvalidArgumentError(
        `--samples_per_plugin entry '${part}' should be plugin=count (e.g. scalars=1000,images=50)`,
      );
    }
    out[m[1]!] = m[2] === 'all' ? 0 : Number(m[2]);
  }
  return out;
}
