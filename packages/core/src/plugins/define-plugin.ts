/**
 * The plugin contract. A plugin is one typed object literal made by `definePlugin`: its
 * id and tab title, the summary `plugin_name`s it reads, the services it needs (as
 * tokens), its routes as data, optional URL aliases, and when it is active. Its version
 * and its frontend (a module federation remote built by `tb-plugin-build` into
 * `dist/frontend/`) come from its package, found at discovery: nothing is written twice.
 *
 * @example
 * const needs = { data: DataProviderToken };
 * const route = routeFor(needs);
 * export default definePlugin({
 *   id: 'scalars',
 *   title: 'Scalars',
 *   pluginNames: ['scalars'],
 *   needs,
 *   routes: [route({ method: 'GET', path: '/tags', handler: (_input, { data }) => tagsImpl(data) })],
 * });
 */
import type { Deps, Needs } from './needs.js';
import type { AnyRoute } from './route.js';
import type { Token } from './tokens.js';

export type { Deps, Needs } from './needs.js';

/** A plugin, as written by its author. */
export interface PluginDefinition<N extends Needs = Needs> {
  /** Lower case, digits, `_` or `-`; starts with a letter. Its routes live at /data/plugin/<id>/. */
  readonly id: string;
  /** The tab's title. */
  readonly title: string;
  /** The summary `plugin_name`s it reads (`plugin_data.plugin_name`). */
  readonly pluginNames: readonly string[];
  readonly needs: N;
  /** Its routes, mounted at /data/plugin/<id>/ (and at each alias). */
  readonly routes: readonly AnyRoute<Deps<N>>[];
  /**
   * More ids whose URL prefix serves the same routes, e.g. `['distributions']` so that
   * TensorBoard's /data/plugin/distributions/* answer from the histograms plugin.
   */
  readonly aliases?: readonly string[];
  /** Whether the tab has data; by default, whether any run has a tag of `pluginNames`. */
  isActive?(deps: Deps<N>): boolean | Promise<boolean>;
  /** Whether the page should refetch on reload (TensorBoard's `disable_reload` inverted). */
  readonly reloadable?: boolean;
  /**
   * Whether the shell's run selector applies to this tab (default true). False for a
   * dashboard that picks its own runs, e.g. the profiler, whose runs hold traces rather
   * than event files: the shell then hides the selector while the tab is shown.
   */
  readonly runSelector?: boolean;
}

/** A plugin as the host holds it: the definition, checked. */
export type Plugin = PluginDefinition<Needs> & { readonly __tbPlugin: true };

export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

/** Segments of letters, digits, '_', '-', '.', or a hono parameter (`/projections/:id/events`). */
const ROUTE_PATH_PATTERN = /^(?:\/(?::[A-Za-z_]\w*|[A-Za-z0-9_.-]*))+$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** A plugin that is wired wrong: bad id, duplicate, missing service, wrong version. */
export class PluginError extends Error {
  override readonly name = 'PluginError';
}

/**
 * Checks a plugin definition and returns it as a {@link Plugin}. Throws a
 * {@link PluginError} naming the plugin for a bad id, title, token, route or alias, so a
 * wiring mistake stops the server at start-up rather than on the first request.
 */
export function definePlugin<N extends Needs>(definition: PluginDefinition<N>): Plugin {
  const id = String((definition as { id?: unknown }).id ?? '');
  if (!PLUGIN_ID_PATTERN.test(id)) {
    throw new PluginError(
      `plugin id '${id}' is invalid: expected lower case letters, digits, '_' or '-', starting with a letter (e.g. 'scalars', 'pr_curves')`,
    );
  }
  if (typeof definition.title !== 'string' || definition.title.trim() === '') {
    throw new PluginError(`plugin '${id}': title (the tab's name) is missing`);
  }
  for (const [name, t] of Object.entries(definition.needs ?? {})) {
    if (!t || typeof (t as Token<unknown>).id !== 'string') {
      throw new PluginError(`plugin '${id}': needs.${name} is not a token (import tokens from @tb/core/plugin)`);
    }
  }
  checkRoutes(id, definition.routes);
  for (const alias of definition.aliases ?? []) {
    if (!PLUGIN_ID_PATTERN.test(alias) || alias === id) {
      throw new PluginError(`plugin '${id}': alias '${alias}' should be another valid plugin id (lower case letters, digits, '_' or '-')`);
    }
  }
  return Object.freeze({ ...definition, needs: definition.needs ?? {}, __tbPlugin: true as const }) as unknown as Plugin;
}

function checkRoutes(id: string, routes: unknown): void {
  if (!Array.isArray(routes)) throw new PluginError(`plugin '${id}': routes should be a list of { method, path, handler }, found ${typeof routes}`);
  const seen = new Set<string>();
  for (const [i, r] of (routes as AnyRoute[]).entries()) {
    const where = `plugin '${id}': routes[${i}]`;
    if (!r || typeof r !== 'object') throw new PluginError(`${where} should be an object { method, path, handler }`);
    if (!METHODS.has(r.method)) throw new PluginError(`${where}: method should be GET, POST, PUT or DELETE, found '${String(r.method)}'`);
    if (typeof r.path !== 'string' || !ROUTE_PATH_PATTERN.test(r.path)) {
      throw new PluginError(`${where}: path should start with '/' and hold only letters, digits, '_', '-', '.', '/' and ':name' parameter segments, found '${String(r.path)}'`);
    }
    if (typeof r.handler !== 'function') throw new PluginError(`${where} (${r.method} ${r.path}): handler is missing`);
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) throw new PluginError(`${where}: ${key} is defined twice`);
    seen.add(key);
    for (const part of ['query', 'body'] as const) {
      const schema = r[part];
      if (schema !== undefined && typeof schema?.['~standard']?.validate !== 'function') {
        throw new PluginError(`${where} (${key}): ${part} should be a Standard Schema (e.g. z.object({...}) from @tb/core/plugin)`);
      }
    }
  }
}

/** True for values made by {@link definePlugin} (what a plugin module must export). */
export function isPlugin(value: unknown): value is Plugin {
  return typeof value === 'object' && value !== null && (value as { __tbPlugin?: unknown }).__tbPlugin === true;
}
