/**
 * Typed tokens for the services core hands to plugins. A token carries a namespaced id
 * (`@tb/core:DataProvider`) and a description; the service's type rides with it, so a
 * plugin that asks for `DataProviderToken` gets a `DataProvider`, checked at compile
 * time, and never sees the container.
 */
import type { ComputeRunner } from '../compute/runner.js';
import type { Logger } from '../logger.js';
import type { DataProvider } from '../multiplexer/data-provider.js';

/** A named, typed handle on one service. */
export interface Token<T> {
  readonly id: string;
  readonly description: string;
  /** Phantom field carrying the service type; never set. */
  readonly __type?: T;
}

/** Makes a token. `id` must be namespaced: `<package>:<Name>`. */
export function token<T>(id: string, description: string): Token<T> {
  if (!/^[@a-z0-9/._-]+:[A-Za-z][A-Za-z0-9]*$/.test(id)) {
    throw new Error(`token id '${id}' should look like '@scope/package:ServiceName'`);
  }
  return Object.freeze({ id, description });
}

/** The service type of a token. */
export type TokenType<K> = K extends Token<infer T> ? T : never;

export const DataProviderToken: Token<DataProvider> = token(
  '@tb/core:DataProvider',
  'Reads runs, tags, scalars, tensors, blobs and files of the log directory.',
);
export const ComputeRunnerToken: Token<ComputeRunner> = token(
  '@tb/core:ComputeRunner',
  'Runs heavy numeric work (PCA, t-SNE, UMAP, nearest neighbours) off the server thread.',
);
/**
 * What a plugin may know of how tb-core was started: where the logs are and how they
 * are sampled, not the host, port or other plugins.
 */
export interface PluginFlags {
  /** The log location as given: a directory, or `name:path,...` from --logdir_spec. */
  readonly logdir: string;
  /** --samples_per_plugin: the most points kept per (run, tag), by plugin name. */
  readonly samplesPerPlugin: Readonly<Record<string, number>>;
  /** --reload_interval in seconds; 0 loads once. */
  readonly reloadInterval: number;
  /** '' or the --path_prefix the page is served under, e.g. '/tb'. */
  readonly pathPrefix: string;
  readonly windowTitle: string;
}

export const FlagsToken: Token<PluginFlags> = token('@tb/core:Flags', 'How tb-core was started: the log location, sampling, reload interval, path prefix.');
export const LoggerToken: Token<Logger> = token('@tb/core:Logger', 'Writes log lines to the server log.');
