/**
 * Which runs have data in a tab: `/data/runs?plugin_name=...` with the plugin names the
 * tab's plugin reads, asked for the tab shown whenever the run list changes. The shell
 * colours only these runs.
 */
import { useEffect, useState } from 'preact/hooks';
import { fetchRuns } from './api.js';
import type { ShellConfig } from './config.js';

/** A tab as far as its data goes: its id and the plugin names it reads. */
export interface DataTab {
  readonly id: string;
  readonly title: string;
  readonly pluginNames: readonly string[];
}

const NONE: readonly string[] = [];

/** What {@link useRunsWithData} answers about a tab. */
export interface RunsWithData {
  /**
   * The runs with data in tab `id`: null for every run (a tab that reads no plugin
   * names, or when the server could not say), none until the answer came.
   */
  readonly of: (id: string) => readonly string[] | null;
  /** Whether the answer for tab `id` came. */
  readonly known: (id: string) => boolean;
}

/** The runs with data per tab, refetched for `shown` when `runs` (every run) changes. */
export function useRunsWithData(config: ShellConfig, shown: DataTab | null, runs: readonly string[] | null): RunsWithData {
  const [byTab, setByTab] = useState<Readonly<Record<string, readonly string[] | null>>>({});
  const key = shown ? `${shown.id}:${shown.pluginNames.join(',')}` : '';
  useEffect(() => {
    if (!shown || runs === null) return;
    const { id, pluginNames } = shown;
    if (pluginNames.length === 0) {
      setByTab((d) => (d[id] === null ? d : { ...d, [id]: null }));
      return;
    }
    let live = true;
    fetchRuns(config, pluginNames).then(
      (list) => live && setByTab((d) => ({ ...d, [id]: list })),
      () => live && setByTab((d) => ({ ...d, [id]: null })),
    );
    return () => {
      live = false;
    };
  }, [key, runs, config]);
  return { of: (id) => (id in byTab ? byTab[id]! : NONE), known: (id) => id in byTab };
}
