/**
 * Hosts one plugin on the real server app over any DataProvider, for tests: the routes
 * are mounted, validated and answered exactly as `tb-core serve` does, with no port and
 * no log directory.
 *
 * @example
 * const app = hostPlugin(plugin, new MemoryProvider().addScalars('a', 'loss', points));
 * const tags = await app.json('/data/plugin/scalars/tags');
 */
import { CpuComputeRunner } from '../compute/runner.js';
import { memoryLogger, type Logger } from '../logger.js';
import type { DataProvider } from '../multiplexer/data-provider.js';
import type { LoadingStatus } from '../multiplexer/multiplexer.js';
import type { Plugin } from '../plugins/define-plugin.js';
import { hostPlugins, ServiceRegistry, type PluginFrontend } from '../plugins/host.js';
import { ComputeRunnerToken, DataProviderToken, FlagsToken, LoggerToken, type PluginFlags, type Token } from '../plugins/tokens.js';
import { createApp } from '../server/app.js';
import type { ComputeRunner } from '../compute/runner.js';

/** Options of {@link hostPlugin}; every one has a default. */
export interface HostPluginOptions {
  /** Flags the plugin sees; defaults: logdir '/logs', no sampling bounds, no prefix. */
  readonly flags?: Partial<PluginFlags>;
  readonly compute?: ComputeRunner;
  readonly logger?: Logger;
  /** More services, for plugins that need tokens of their own. */
  readonly services?: readonly (readonly [Token<unknown>, unknown])[];
  /** The version the listing shows; '0.0.0' by default. */
  readonly version?: string;
  readonly frontend?: PluginFrontend;
}

/** A hosted plugin, answering requests in memory. */
export interface TestApp {
  /** Any route of the app, e.g. `/data/plugin/scalars/tags` or `/data/plugins_listing`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GETs `path` and parses its JSON; throws with the answer's text unless it is a 200. */
  json<T = unknown>(path: string): Promise<T>;
  /** The log lines the plugin and core wrote. */
  readonly logger: Logger;
}

/**
 * Mounts `plugin` (or every plugin of a package that exports several), with core's
 * routes, over `provider`. Wiring errors throw, as at start-up.
 */
export function hostPlugin(plugin: Plugin | readonly Plugin[], provider: DataProvider, o: HostPluginOptions = {}): TestApp {
  const logger = o.logger ?? memoryLogger();
  const flags: PluginFlags = { logdir: '/logs', samplesPerPlugin: {}, reloadInterval: 0, pathPrefix: '', windowTitle: '', ...o.flags };
  const services = new ServiceRegistry()
    .provide(DataProviderToken, provider)
    .provide(ComputeRunnerToken, o.compute ?? new CpuComputeRunner())
    .provide(FlagsToken, flags)
    .provide(LoggerToken, logger);
  for (const [t, value] of o.services ?? []) services.provide(t, value);
  const candidates = (Array.isArray(plugin) ? plugin : [plugin]).map((p: Plugin) => ({
    plugin: p,
    packageName: `test plugin '${p.id}'`,
    version: o.version ?? '0.0.0',
    ...(o.frontend ? { frontend: o.frontend } : {}),
  }));
  const plugins = hostPlugins(candidates, [], services);
  const app = createApp({
    mux: staticSource(provider, flags.logdir),
    plugins,
    compute: o.compute ?? new CpuComputeRunner(),
    logger,
    version: o.version ?? '0.0.0',
    pathPrefix: flags.pathPrefix,
    windowTitle: flags.windowTitle,
    shellDir: null,
  });
  const request = async (path: string, init?: RequestInit) => app.request(`${flags.pathPrefix}${path}`, init);
  return {
    request,
    async json<T>(path: string): Promise<T> {
      const res = await request(path);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    logger,
  };
}

/** A log source whose data is all there: idle, nothing to reload. */
function staticSource(provider: DataProvider, logdir: string) {
  const status: LoadingStatus = {
    state: 'idle',
    bytesRead: 0,
    bytesTotal: 0,
    runsLoaded: provider.listRuns().length,
    runsTotal: provider.listRuns().length,
    eventsRead: 0,
    recordsSkipped: 0,
    storage: { requests: 0, bytesRead: 0, retries: 0, failures: 0, retrying: 0, failing: false, lastError: null },
    loadingRuns: [],
    problems: [],
    problemCount: 0,
  };
  return {
    provider,
    roots: [{ name: null, location: logdir }],
    status: () => status,
    reload: async () => undefined,
    onChange: () => () => undefined,
  };
}
