/**
 * `tb-core serve`: loads the log directory, hosts the installed plugins and serves the
 * page. Resolves to a handle that stops everything (Ctrl-C does the same).
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { serve as serveNode, type ServerType } from '@hono/node-server';
import { createComputeRunner } from '../compute/create.js';
import type { BackendInfo } from '../compute/backend.js';
import type { Logger } from '../logger.js';
import { LogRootMultiplexer } from '../multiplexer/multiplexer.js';
import { discoverPlugins, nodeModulesDirs } from '../plugins/discovery.js';
import { hostPlugins, ServiceRegistry, type HostedPlugin } from '../plugins/host.js';
import { ComputeRunnerToken, DataProviderToken, FlagsToken, LoggerToken } from '../plugins/tokens.js';
import { createApp } from '../server/app.js';
import { hostPolicy } from '../server/host-check.js';
import { FlagError, type ServeFlags } from './flags.js';
import { findShellDir } from './shell-dir.js';

/** A running server. */
export interface Running {
  readonly url: string;
  readonly port: number;
  readonly mux: LogRootMultiplexer;
  close(): Promise<void>;
}

export interface ServeOptions {
  readonly version: string;
  readonly logger: Logger;
  /** Where to look for plugin packages (`node_modules` up from each). */
  readonly pluginSearch: readonly string[];
  /** Directories whose sub-directories are packages too (a workspace's `packages/`). */
  readonly packageDirs?: readonly string[];
  /** The built shell; defaults to the dist folder of `@tb/shell` (null: the "not built" page). */
  readonly shellDir?: string | null;
}

/** Starts the server. Throws {@link FlagError} or a PluginError for bad flags or wiring. */
export async function serve(flags: ServeFlags, o: ServeOptions): Promise<Running> {
  if (flags.logdir === undefined && flags.logdirSpec === undefined) {
    throw new FlagError('tb-core serve needs a log directory: --logdir DIR (or --logdir_spec name:DIR,...)');
  }
  const mux = new LogRootMultiplexer({
    logdir: flags.logdir,
    logdirSpec: flags.logdirSpec,
    reloadInterval: flags.reloadInterval,
    samplesPerPlugin: flags.samplesPerPlugin,
    s3: flags.s3,
    logger: o.logger,
  });
  const compute = createComputeRunner(flags.computeBackend);
  const services = new ServiceRegistry()
    .provide(DataProviderToken, mux.provider)
    .provide(ComputeRunnerToken, compute)
    .provide(
      FlagsToken,
      Object.freeze({
        logdir: flags.logdirSpec ?? flags.logdir ?? '',
        samplesPerPlugin: flags.samplesPerPlugin,
        reloadInterval: flags.reloadInterval,
        pathPrefix: flags.pathPrefix,
        windowTitle: flags.windowTitle,
      }),
    )
    .provide(LoggerToken, o.logger);

  // A wiring error or a busy port stops here: the compute worker goes with it.
  let plugins: HostedPlugin[];
  let server: ServerType;
  try {
    const { found, skipped } = await discoverPlugins([...nodeModulesDirs(o.pluginSearch), ...(o.packageDirs ?? [])], o.version);
    for (const s of skipped) o.logger.warn(s.reason);
    plugins = hostPlugins(found, flags.plugins, services);
    if (plugins.length === 0) o.logger.warn('no plugins are installed: add some, e.g. pnpm add @tb/plugin-scalars');

    const shellDir = o.shellDir === undefined ? await findShellDir() : o.shellDir;
    const app = createApp({
      mux,
      plugins,
      compute,
      logger: o.logger,
      version: o.version,
      pathPrefix: flags.pathPrefix,
      windowTitle: flags.windowTitle,
      shellDir,
      allowedHosts: hostPolicy(flags.host, flags.allowedHosts),
    });

    server = await listen(app.fetch, flags.host, flags.port);
  } catch (err) {
    await compute.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = flags.bindAll || flags.host === '::' || flags.host === '0.0.0.0' ? 'localhost' : hostForUrl(flags.host);
  const url = `http://${shownHost}:${port}${flags.pathPrefix}/`;
  o.logger.info(`plugins: ${plugins.map((p) => `${p.plugin.id}@${p.version}`).join(', ') || '(none)'}`);
  compute.info().then(
    (info) => o.logger.info(`compute backend: ${describeBackend(info)}`),
    (err: Error) => o.logger.error(`compute backend: none could be loaded (${err.message})`),
  );

  const loading = mux.start().catch((err: Error) => o.logger.error(`loading failed: ${err.message}`));
  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    mux,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await mux.close();
        await loading;
        await compute.close();
      })();
      return closing;
    },
  };
}

/** `wasm (tfjs-node-gpu: no CUDA GPU found; tfjs-node: ...)`: the choice and why not the better ones. */
export function describeBackend(info: BackendInfo): string {
  if (info.skipped.length === 0) return info.backend;
  return `${info.backend} (${info.skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')})`;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Listens; a busy port becomes a FlagError that suggests the next free one. */
async function listen(fetch: (req: Request) => Response | Promise<Response>, host: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch, hostname: host, port });
    const onError = async (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        const free = await nextFreePort(host, port + 1);
        reject(
          new FlagError(
            `port ${port} on ${host} is already in use${free ? `; try --port ${free} (free now), or --port 0 for any free port` : '; try --port 0'}`,
          ),
        );
      } else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        reject(new FlagError(`cannot bind --host ${host}: ${err.code}`));
      } else {
        reject(err);
      }
    };
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve(server);
    });
  });
}

/** The first port from `from` on that can be bound now, or null within 50 tries. */
async function nextFreePort(host: string, from: number): Promise<number | null> {
  for (let p = from; p < from + 50 && p <= 65535; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const probe: Server = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(p, host, () => probe.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  return null;
}
