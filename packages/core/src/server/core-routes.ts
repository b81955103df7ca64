/**
 * The core routes, in TensorBoard's shapes (see ../../http-api.md): runs, environment,
 * log directory, the plugin listing, the plugin names the logs hold, loading status and
 * reload.
 */
import { Hono } from 'hono';
import type { AppOptions } from './app.js';
import type { HostedPlugin } from '../plugins/host.js';
import type { DataProvider } from '../multiplexer/data-provider.js';
import type { ComputeRunner } from '../compute/runner.js';
import type { Logger } from '../logger.js';

/** One entry of /data/plugins_listing. */
export interface PluginListing {
  disable_reload: boolean;
  enabled: boolean;
  /** Ours: false when the tab picks its own runs (the shell hides its run selector). */
  uses_run_selector: boolean;
  remove_dom: boolean;
  tab_name: string;
  version: string;
  /** The plugin names whose tags it reads (its `pluginNames`). */
  plugin_names: readonly string[];
  loading_mechanism:
    | { type: 'MODULE_FEDERATION'; manifest_url: string; remote_name: string; expose: './Dashboard' }
    | { type: 'NONE' };
}

/** Whether a plugin has data: its own `isActive`, else any tag of its plugin names. */
export async function isActive(hosted: HostedPlugin, provider: DataProvider): Promise<boolean> {
  const { plugin, deps } = hosted;
  if (plugin.isActive) return plugin.isActive(deps);
  return plugin.pluginNames.some((name) => provider.listTags(name).size > 0);
}

/** How long the plugins listing waits for one plugin's `isActive`; past it, the plugin is listed inactive. */
export const IS_ACTIVE_WAIT_MS = 2000;

/** {@link isActive}, false when it fails or takes longer than {@link IS_ACTIVE_WAIT_MS} (said in the log). */
async function activeWithin(hosted: HostedPlugin, provider: DataProvider, logger: Logger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), IS_ACTIVE_WAIT_MS);
  });
  try {
    const answer = await Promise.race([isActive(hosted, provider), late]);
    if (answer !== 'late') return answer;
    logger.warn(`plugin '${hosted.plugin.id}': isActive did not answer within ${IS_ACTIVE_WAIT_MS} ms; shown as inactive for now`);
  } catch (err) {
    logger.warn(`plugin '${hosted.plugin.id}': isActive failed (${(err as Error).message}); shown as inactive`);
  } finally {
    clearTimeout(timer);
  }
  return false;
}

/** The compute backend for /data/environment: its name, or 'unavailable' with the reason. */
async function computeFields(compute: ComputeRunner): Promise<Record<string, unknown>> {
  try {
    const info = await compute.info();
    return { compute_backend: info.backend, compute_backends_skipped: info.skipped };
  } catch (err) {
    return { compute_backend: 'unavailable', compute_error: (err as Error).message };
  }
}

export function coreRoutes(o: AppOptions): Hono {
  const app = new Hono();
  const location = () => o.mux.roots.map((r) => (r.name ? `${r.name}:${r.location}` : r.location)).join(',');

  // `?plugin_name=a&plugin_name=b`: only the runs with a tag of one of these plugin names.
  app.get('/runs', (c) => {
    const data = o.mux.provider;
    const names = c.req.queries('plugin_name') ?? [];
    const runs = data.listRuns().map((r) => r.name);
    if (names.length === 0) return c.json(runs);
    const withData = new Set(names.flatMap((name) => [...data.listTags(name).keys()]));
    return c.json(runs.filter((run) => withData.has(run)));
  });

  app.get('/plugin_names', (c) => {
    const data = o.mux.provider;
    return c.json(Object.fromEntries(data.listPluginNames().map((name) => [name, data.listTags(name).size])));
  });

  app.get('/environment', async (c) =>
    c.json({
      version: o.version,
      data_location: location(),
      window_title: o.windowTitle,
      experiment_name: '',
      experiment_description: '',
      creation_time: 0,
      ...(await computeFields(o.compute)),
    }),
  );

  app.get('/logdir', (c) => c.json({ logdir: location() }));
  app.get('/window_properties', (c) => c.json({ window_title: o.windowTitle }));

  app.get('/plugins_listing', async (c) => {
    const listing: Record<string, PluginListing> = {};
    // Asked of every plugin at once, each for at most IS_ACTIVE_WAIT_MS: one that looks at
    // files of a store that does not answer (a bucket timing out) must not hold up the page.
    const active = await Promise.all(o.plugins.map((hosted) => activeWithin(hosted, o.mux.provider, o.logger)));
    for (const [i, hosted] of o.plugins.entries()) {
      const { plugin, frontend } = hosted;
      const enabled = active[i]!;
      listing[plugin.id] = {
        disable_reload: plugin.reloadable === false,
        enabled,
        uses_run_selector: plugin.runSelector !== false,
        remove_dom: false,
        tab_name: plugin.title,
        version: hosted.version,
        plugin_names: [...plugin.pluginNames],
        loading_mechanism: frontend
          ? {
              type: 'MODULE_FEDERATION',
              manifest_url: `${o.pathPrefix}/plugin/${plugin.id}/${frontend.manifest}`,
              remote_name: frontend.remoteName,
              expose: './Dashboard',
            }
          : { type: 'NONE' },
      };
    }
    return c.json(listing);
  });

  app.get('/status', (c) => c.json(o.mux.status()));
  app.post('/reload', async (c) => {
    await o.mux.reload();
    return c.json(o.mux.status());
  });
  return app;
}
