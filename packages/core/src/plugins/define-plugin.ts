/**
 * The plugin contract. A plugin is one typed object literal made by `definePlugin`:
 * its id, version and tab title, the summary `plugin_name`s it reads, the services it
 * needs (as tokens), its routes, when it is active, and where its built frontend is.
 *
 * @example
 * export default definePlugin({
 *   id: 'scalars',
 *   version: '0.1.0',
 *   title: 'Scalars',
 *   pluginNames: ['scalars'],
 *   needs: { data: DataProviderToken },
 *   routes(app, { data }) {
 *     app.get('/tags', (c) => c.json(tagsImpl(data)));
 *   },
 *   frontend: { dir: fileURLToPath(new URL('../dist/frontend', import.meta.url)), remoteName: 'tb_plugin_scalars' },
 * });
 */
import type { Hono } from 'hono';
import type { Token, TokenType } from './tokens.js';

/** What a plugin may ask for: a record of named tokens. */
export type Needs = Readonly<Record<string, Token<unknown>>>;

/** The services a plugin receives for its `needs`. */
export type Deps<N extends Needs> = { readonly [K in keyof N]: TokenType<N[K]> };

/** Where a plugin's built frontend (a module federation remote) lives. */
export interface PluginFrontend {
  /** Absolute directory of the built remote (holding `mf-manifest.json`). */
  readonly dir: string;
  /** The remote's module federation name, e.g. `tb_plugin_scalars`. */
  readonly remoteName: string;
  /** The manifest's file name in `dir`; `mf-manifest.json` by default. */
  readonly manifest?: string;
}

/** A plugin, as written by its author. */
export interface PluginDefinition<N extends Needs = Needs> {
  /** Lower case, digits, `_` or `-`; starts with a letter. Its routes live at /data/plugin/<id>/. */
  readonly id: string;
  /** The plugin package's version (its package.json's). */
  readonly version: string;
  /** The tab's title. */
  readonly title: string;
  /** The summary `plugin_name`s it reads (`plugin_data.plugin_name`). */
  readonly pluginNames: readonly string[];
  readonly needs: N;
  /** Registers the plugin's routes on `app` (mounted at /data/plugin/<id>/). */
  routes(app: Hono, deps: Deps<N>): void;
  /** Whether the tab has data; by default, whether any run has a tag of `pluginNames`. */
  isActive?(deps: Deps<N>): boolean | Promise<boolean>;
  readonly frontend?: PluginFrontend;
  /** Whether the page should refetch on reload (TensorBoard's `disable_reload` inverted). */
  readonly reloadable?: boolean;
}

/** A plugin as the host holds it: the definition, checked. */
export type Plugin = PluginDefinition<Needs> & { readonly __tbPlugin: true };

export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

/** A plugin that is wired wrong: bad id, duplicate, missing service, wrong version. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
}

/**
 * Checks a plugin definition and returns it as a {@link Plugin}. Throws a
 * {@link PluginError} naming the plugin for a bad id, version or title.
 */
export function definePlugin<N extends Needs>(definition: PluginDefinition<N>): Plugin {
  const id = String((definition as { id?: unknown }).id ?? '');
  if (!PLUGIN_ID_PATTERN.test(id)) {
    throw new PluginError(
      `plugin id '${id}' is invalid: expected lower case letters, digits, '_' or '-', starting with a letter (e.g. 'scalars', 'pr_curves')`,
    );
  }
  if (typeof definition.version !== 'string' || !/^\d+\.\d+\.\d+/.test(definition.version)) {
    throw new PluginError(`plugin '${id}': version should be its package.json version (x.y.z), found '${String(definition.version)}'`);
  }
  if (typeof definition.title !== 'string' || definition.title.trim() === '') {
    throw new PluginError(`plugin '${id}': title (the tab's name) is missing`);
  }
  if (typeof definition.routes !== 'function') throw new PluginError(`plugin '${id}': routes(app, deps) is missing`);
  for (const [name, t] of Object.entries(definition.needs ?? {})) {
    if (!t || typeof (t as Token<unknown>).id !== 'string') {
      throw new PluginError(`plugin '${id}': needs.${name} is not a token (import tokens from @tb/core)`);
    }
  }
  return Object.freeze({ ...definition, needs: definition.needs ?? {}, __tbPlugin: true as const }) as unknown as Plugin;
}

/** True for values made by {@link definePlugin} (what a plugin module must export). */
export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as { __tbPlugin?: unknown }).__tbPlugin === true;
}
