/**
 * The `tb-core` command line. For now: `inspect`. (`serve` arrives with the server.)
 */
import { readFileSync } from 'node:fs';
import { consoleLogger } from '../logger.js';
import { LogRootMultiplexer } from '../multiplexer/multiplexer.js';
import { parseSamplesPerPlugin } from '../multiplexer/samples.js';
import { inspectReport } from './inspect.js';

const HELP = `Usage: tb-core <command> [flags]

Commands:
  inspect   Load a log directory once and print its runs, tags and problems.

Flags:
  --logdir DIR                  The log directory (one sub-directory per run).
  --logdir_spec name:DIR,...    Several named log directories instead of --logdir.
  --samples_per_plugin SPEC     Points kept per tag, e.g. scalars=1000,images=50.
  --help, --version
`;

/** The package version, from package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Parses `--flag value` and `--flag=value` pairs. */
function parseFlags(args: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (a === '--help' || a === '--version') flags.set(a.slice(2), 'true');
    else {
      const value = args[++i];
      if (value === undefined) throw new Error(`flag ${a} needs a value`);
      flags.set(a.slice(2), value);
    }
  }
  return { positional, flags };
}

/** Runs the CLI; resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseFlags(args);
  } catch (err) {
    process.stderr.write(`tb-core: ${(err as Error).message}\n`);
    return 2;
  }
  const { positional, flags } = parsed;
  if (flags.has('version')) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (flags.has('help') || positional.length === 0) {
    process.stdout.write(HELP);
    return flags.has('help') ? 0 : 2;
  }
  if (positional[0] !== 'inspect') {
    process.stderr.write(`tb-core: unknown command '${positional[0]}'; expected: inspect\n${HELP}`);
    return 2;
  }
  const known = new Set(['logdir', 'logdir_spec', 'samples_per_plugin']);
  for (const name of flags.keys()) {
    if (!known.has(name)) {
      process.stderr.write(`tb-core: unknown flag --${name}; known: ${[...known].map((k) => `--${k}`).join(', ')}\n`);
      return 2;
    }
  }
  try {
    const mux = new LogRootMultiplexer({
      logdir: flags.get('logdir'),
      logdirSpec: flags.get('logdir_spec'),
      reloadInterval: 0,
      samplesPerPlugin: flags.has('samples_per_plugin') ? parseSamplesPerPlugin(flags.get('samples_per_plugin')!) : {},
      logger: consoleLogger('error'),
    });
    const t0 = performance.now();
    await mux.reload();
    const ms = performance.now() - t0;
    process.stdout.write(`${inspectReport(mux.provider, mux.status(), ms).join('\n')}\n`);
    await mux.close();
    return 0;
  } catch (err) {
    process.stderr.write(`tb-core: ${(err as Error).message}\n`);
    return 1;
  }
}
