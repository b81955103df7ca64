/**
 * Which data of the log root no installed plugin reads, and which package shows it:
 * `/data/plugin_names` (plugin name -> runs with tags of it) against the plugin names
 * the installed plugins read, grouped by the package of {@link KNOWN_PLUGINS}.
 */
import type { PluginInfo } from './api.js';
import { KNOWN_PLUGINS, knownPluginForName, knownPluginForTab, type KnownPlugin } from './known-plugins.js';

/** Data of the log root that no installed plugin shows. */
export interface MissingData {
  /** The dashboard that shows it; null for a plugin name tb-core does not know. */
  readonly known: KnownPlugin | null;
  /** The plugin names found, e.g. ['graphs', 'graph_run_metadata']. */
  readonly pluginNames: readonly string[];
  /** Runs that have it (the most of any of its plugin names). */
  readonly runs: number;
}

/** The plugin names an installed plugin reads: its listing's, else the known table's for its id. */
function namesRead(plugin: PluginInfo): readonly string[] {
  return plugin.pluginNames ?? knownPluginForTab(plugin.id)?.pluginNames ?? [];
}

/**
 * The data in `counts` that none of `installed` reads, one entry per package in
 * TensorBoard's tab order, then unknown plugin names alphabetically. A known dashboard
 * whose id is installed is never suggested again.
 */
export function missingData(counts: Readonly<Record<string, number>>, installed: readonly PluginInfo[]): MissingData[] {
  const read = new Set(installed.flatMap(namesRead));
  const installedIds = new Set(installed.map((p) => p.id));
  const byKnown = new Map<KnownPlugin, { names: string[]; runs: number }>();
  const unknown: MissingData[] = [];
  for (const [name, runs] of Object.entries(counts)) {
    if (!(runs > 0) || read.has(name)) continue;
    const known = knownPluginForName(name);
    if (!known) {
      unknown.push({ known: null, pluginNames: [name], runs });
      continue;
    }
    if (installedIds.has(known.id)) continue;
    const entry = byKnown.get(known) ?? { names: [], runs: 0 };
    entry.names.push(name);
    entry.runs = Math.max(entry.runs, runs);
    byKnown.set(known, entry);
  }
  const knownEntries = KNOWN_PLUGINS.filter((k) => byKnown.has(k)).map((k) => ({ known: k, pluginNames: byKnown.get(k)!.names, runs: byKnown.get(k)!.runs }));
  unknown.sort((a, b) => (a.pluginNames[0]! < b.pluginNames[0]! ? -1 : 1));
  return [...knownEntries, ...unknown];
}

/** How many runs hold the data a known dashboard reads (0 when none or unknown). */
export function runsWithDataOf(known: KnownPlugin, counts: Readonly<Record<string, number>> | null): number {
  return Math.max(0, ...known.pluginNames.map((name) => counts?.[name] ?? 0));
}
