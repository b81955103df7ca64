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

/** A plugin ready to mount: its checked definition and its resolved services. */
export interface HostedPlugin {
  readonly plugin: Plugin;
  readonly deps: Deps<Needs>;
  /** The npm package it came from, for messages and the listing. */
  readonly packageName: string;
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
  candidates: readonly { plugin: Plugin; packageName: string }[],
  selection: readonly string[],
  services: ServiceRegistry,
): HostedPlugin[] {
  const byId = new Map<string, { plugin: Plugin; packageName: string }>();
  for (const c of candidates) {
    const other = byId.get(c.plugin.id);
    if (other) {
      throw new PluginError(
        `two plugins have the id '${c.plugin.id}': ${other.packageName} and ${c.packageName}; uninstall one`,
      );
    }
    byId.set(c.plugin.id, c);
  }
  let chosen = [...byId.values()];
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
  return chosen.map(({ plugin, packageName }) => {
    const deps: Record<string, unknown> = {};
    for (const [name, t] of Object.entries(plugin.needs)) {
      if (!services.has(t)) {
        throw new PluginError(
          `plugin '${plugin.id}' (${packageName}) needs ${t.id} (as needs.${name}), which this @tb/core does not provide`,
        );
      }
      deps[name] = services.get(t);
    }
    return { plugin, deps: deps as Deps<Needs>, packageName };
  });
}
