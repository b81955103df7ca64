/**
 * The `tb-core` command line: `serve`, `demo` and `inspect`, `--help`, `--version`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../errors.js';
import { consoleLogger, type Logger } from '../logger.js';
import { PluginError } from '../plugins/define-plugin.js';
import { asksForHelp, HELP_FLAG, parseFlags, type FlagTable } from './args.js';
import { demoCacheDir, ensureDemo, isDemoComplete } from './demo-cache.js';
import { loadDemo } from './demo-module.js';
import { DEMO_FLAGS, demoCommand, demoHelp } from './demo.js';
import { FlagError, parseServeFlags, SERVE_FLAGS, serveHelp, type ServeFlags } from './flags.js';
import { INSPECT_FLAGS, inspectCommand, inspectHelp } from './inspect.js';
import { serve } from './serve.js';

const HELP = `Usage: tb-core <command> [flags]

Commands:
  serve     Serve the dashboards of a log directory at http://localhost:6006/
            (no --logdir: the demo's logs, written once into a cache folder)
  demo      Train a small digit classifier with TensorFlow.js and write its logs
            (tb-core demo --help)
  inspect   Load a log directory once and print its runs, tags and problems.
            (tb-core inspect --help)

Flags of serve (inspect takes --logdir, --logdir_spec, --samples_per_plugin):
${serveHelp()}

tb-core --version prints the version.
`;

/** The flags `tb-core` takes before (instead of) a command. */
const MAIN_FLAGS = {
  version: { type: 'boolean', help: 'Print the version.' },
  help: HELP_FLAG,
} as const satisfies FlagTable;

/** A command: its flags (for --help detection), its help text, and what it runs. */
interface Command {
  readonly flags: FlagTable;
  help(): string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  serve: { flags: SERVE_FLAGS, help: () => HELP, run: (args) => runServe(args) },
  inspect: { flags: INSPECT_FLAGS, help: inspectHelp, run: (args) => inspectCommand(args, (text) => process.stdout.write(text)) },
  demo: { flags: DEMO_FLAGS, help: demoHelp, run: (args) => demoCommand(args, (line) => process.stderr.write(`${line}\n`)) },
};

/** The package version, from package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI; resolves to the exit code (serve resolves once it has stopped). */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) {
    process.stderr.write(HELP);
    return 2;
  }
  try {
    if (command.startsWith('-')) {
      const flags = parseFlags('tb-core', MAIN_FLAGS, args);
      process.stdout.write(flags.version ? `${version()}\n` : HELP);
      return 0;
    }
    if (command === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    const found = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (found === undefined) {
      process.stderr.write(`tb-core: unknown command '${command}'; expected serve, demo or inspect (tb-core --help)\n`);
      return 2;
    }
    if (asksForHelp(found.flags, rest)) {
      process.stdout.write(found.help());
      return 0;
    }
    return await found.run(rest);
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
    const demo = await loadDemo("no --logdir given, so serve would serve the demo's logs, written by the @tb/demo package");
    logger.info(`no --logdir given: writing the demo's logs into ${dir} (once; well under a minute)`);
    await ensureDemo(dir, async (target) => {
      await demo.writeDemo(target, { backend: flags.computeBackend, log: (line) => logger.info(`demo: ${line}`) });
    });
  }
  logger.info(`no --logdir given: serving the demo's logs in ${dir} (tb-core serve --logdir DIR serves yours)`);
  return dir;
}
