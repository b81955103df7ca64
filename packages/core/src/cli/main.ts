/**
 * The `tb-core` command line: `serve`, `demo` and `inspect`, `--help`, `--version`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../errors.js';
import { demoCacheDir, ensureDemo, isDemoComplete } from '../demo/cache.js';
import { consoleLogger, type Logger } from '../logger.js';
import { LogRootMultiplexer } from '../multiplexer/multiplexer.js';
import { PluginError } from '../plugins/define-plugin.js';
import { FlagError, parseServeFlags, serveHelp, type ServeFlags } from './flags.js';
import { inspectReport } from './inspect.js';
import { serve } from './serve.js';

const HELP = `Usage: tb-core <command> [flags]

Commands:
  serve     Serve the dashboards of a log directory at http://localhost:6006/
            (no --logdir: the demo's logs, written once into a cache folder)
  demo      Train a small digit classifier with TensorFlow.js and write its logs
            (tb-core demo --help)
  inspect   Load a log directory once and print its runs, tags and problems.

Flags of serve (inspect takes --logdir, --logdir_spec, --samples_per_plugin):
${serveHelp()}

  --help, --version
`;

/** The package version, from package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI; resolves to the exit code (serve resolves once it has stopped). */
export async function main(args: string[]): Promise<number> {
  if (args.includes('--version')) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const [command, ...rest] = args;
  if (command === 'demo' && args.includes('--help')) {
    process.stdout.write((await import('./demo.js')).DEMO_HELP);
    return 0;
  }
  if (args.includes('--help') || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(HELP);
    return 2;
  }
  try {
    if (command === 'serve') return await runServe(rest);
    if (command === 'inspect') return await runInspect(rest);
    if (command === 'demo') {
      // Loaded only here: the demo pulls in tfjs and @tb/writer.
      const { demoCommand } = await import('./demo.js');
      return await demoCommand(rest, (line) => process.stderr.write(`${line}\n`));
    }
    process.stderr.write(`tb-core: unknown command '${command}'; expected serve, demo or inspect (tb-core --help)\n`);
    return 2;
  } catch (err) {
    if (err instanceof FlagError || err instanceof PluginError || err instanceof InvalidArgumentError) {
      process.stderr.write(`tb-core: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`tb-core: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}

async function runServe(args: string[]): Promise<number> {
  const flags = parseServeFlags(args);
  const logger = consoleLogger('info');
  if (flags.logdir === undefined && flags.logdirSpec === undefined) flags.logdir = await demoLogs(flags, logger);
  const coreDir = fileURLToPath(new URL('../../', import.meta.url));
  // Plugins: installed packages (node_modules up from here and from @tb/core), and the
  // packages beside @tb/core (this workspace's packages/, or an install's @tb/ scope).
  const running = await serve(flags, {
    version: version(),
    logger,
    pluginSearch: [process.cwd(), coreDir],
    packageDirs: [path.resolve(coreDir, '..')],
  });
  process.stdout.write(`tb-core ${version()} at ${running.url} (Press CTRL+C to quit)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stdout.write('\nstopping...\n');
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** The demo's logs in the cache folder, written first if they are not there yet. */
async function demoLogs(flags: ServeFlags, logger: Logger): Promise<string> {
  const dir = demoCacheDir();
  if (!isDemoComplete(dir)) {
    logger.info(`no --logdir given: writing the demo's logs into ${dir} (once; well under a minute)`);
    const { writeDemo } = await import('./demo.js');
    await ensureDemo(dir, async (target) => {
      await writeDemo(target, flags.computeBackend, (line) => logger.info(`demo: ${line}`));
    });
  }
  logger.info(`no --logdir given: serving the demo's logs in ${dir} (tb-core serve --logdir DIR serves yours)`);
  return dir;
}

async function runInspect(args: string[]): Promise<number> {
  const flags = parseServeFlags(args);
  const mux = new LogRootMultiplexer({
    logdir: flags.logdir,
    logdirSpec: flags.logdirSpec,
    reloadInterval: 0,
    samplesPerPlugin: flags.samplesPerPlugin,
    logger: consoleLogger('error'),
  });
  const t0 = performance.now();
  await mux.reload();
  process.stdout.write(`${inspectReport(mux.provider, mux.status(), performance.now() - t0).join('\n')}\n`);
  await mux.close();
  return 0;
}
