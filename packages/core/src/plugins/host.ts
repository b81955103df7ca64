/**
 * The plugin host: checks the wiring of every plugin at start-up (duplicate ids,
 * missing services, unknown `--plugins` names) and gives each plugin exactly the
 * services it named, resolved from one tsyringe container by token id. Plugins never
 * see the container.
 */
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { Deps, Needs, Plugin } from './define-plugin.js';
import { PluginError } from './define-plugin.js';
import type { Token } from './tokens.js';

/** Where a plugin's built frontend (a module federation remote) lives. */
export interface PluginFrontend {
  /** Absolute directory of the built remote, holding the manifest. */
  readonly dir: string;
  /** The remote's module federation name, as its manifest says (e.g. `tb_plugin_scalars`). */
  readonly remoteName: string;
  /** The manifest's file name in `dir`: `mf-manifest.json`. */
  readonly manifest: string;
}

/** A plugin found in a package: the definition and what its package says of it. */
export interface PluginCandidate {
  readonly plugin: Plugin;
  /** The npm package it came from, for messages. */
  readonly packageName: string;
  /** The package's version (package.json), shown in the listing. */
  readonly version: string;
  /** Its built frontend; absent when the package has none (or it was not built). */
  readonly frontend?: PluginFrontend;
}

/** A plugin ready to mount: its candidate and its resolved services. */
export interface HostedPlugin extends PluginCandidate {
  readonly deps: Deps<Needs>;
}

/**
 * TensorBoard's tab order; plugins not named here (third parties) follow, in the order
 * they were found. `--plugins` overrides it.
 */
export const TAB_ORDER: readonly string[] = [
  'scalars',
  'custom_scalars',
  'images',
  'audio',
  'graphs',
  'distributions',
  'histograms',
  'text',
  'pr_curves',
  'profile',
  'pytorch_profiler',
  'hparams',
  'mesh',
  'projector',
];

function tabRank(id: string): number {
  const i = TAB_ORDER.indexOf(id);
  return i < 0 ? TAB_ORDER.length : i;
}

/** Services registered with the host, by token. */
export class ServiceRegistry {
  private readonly container: DependencyContainer = rootContainer.createChildContainer();

  provide<T>(t: Token<T>, value: T): this {
    this.container.register(t.id, { useValue: value });
    return this;
  }

  has(t: Token<unknown>): boolean {
    return this.container.isRegistered(t.id);
  }

  get<T>(t: Token<T>): T {
    return this.container.resolve<T>(t.id);
  }
}

/**
 * Picks and wires the plugins. `selection` (from `--plugins`) keeps only those ids, in
 * that order; empty keeps every plugin in the order given. Throws {@link PluginError}
 * naming the plugin for any wiring problem.
 */
export function hostPlugins(
  candidates: readonly PluginCandidate[],
  selection: readonly string[],
  services: ServiceRegistry,
): HostedPlugin[] {
  const byId = new Map<string, PluginCandidate>();
  const owner = new Map<string, PluginCandidate>();
  for (const c of candidates) {
    for (const id of [c.plugin.id, ...(c.plugin.aliases ?? [])]) {
      const other = owner.get(id);
      if (other) {
        throw new PluginError(
          `two plugins claim the id '${id}': ${describe(other, id)} and ${describe(c, id)}; uninstall one`,
        );
      }
      owner.set(id, c);
    }
    byId.set(c.plugin.id, c);
  }
  let chosen = [...byId.values()].map((c, i) => ({ c, i })).sort((a, b) => tabRank(a.c.plugin.id) - tabRank(b.c.plugin.id) || a.i - b.i).map(({ c }) => c);
  if (selection.length > 0) {
    const installed = [...byId.keys()].sort();
    const unknown = selection.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new PluginError(
        `--plugins names ${unknown.map((u) => `'${u}'`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not installed; ` +
          `installed: ${installed.length > 0 ? installed.join(', ') : '(none)'}`,
      );
    }
    chosen = [...new Set(selection)].map((id) => byId.get(id)!);
  }
  return chosen.map((candidate) => {
    const { plugin, packageName } = candidate;
    const deps: Record<string, unknown> = {};
    for (const [name, t] of Object.entries(plugin.needs)) {
      if (!services.has(t)) {
        throw new PluginError(
          `plugin '${plugin.id}' (${packageName}) needs ${t.id} (as needs.${name}), which this @tb/core does not provide`,
        );
      }
      deps[name] = services.get(t);
    }
    return { ...candidate, deps: deps as Deps<Needs> };
  });
}

function describe(c: PluginCandidate, id: string): string {
  return c.plugin.id === id ? c.packageName : `${c.packageName} (as an alias of '${c.plugin.id}')`;
}
