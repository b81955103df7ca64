/**
 * The flags of `tb-core serve`: TensorBoard's names and defaults, plus `--plugins`.
 * Parsing is pure: it returns the flags or throws a {@link FlagError} that says what
 * was expected and what was found.
 */
import { BACKEND_ORDER, parseBackend, type ComputeBackend } from '../compute/backend.js';
import { parseSamplesPerPlugin, type SamplesPerPlugin } from '../multiplexer/samples.js';

export interface ServeFlags {
  logdir: string | undefined;
  logdirSpec: string | undefined;
  /** 0 picks any free port. */
  port: number;
  host: string;
  bindAll: boolean;
  /** Seconds; 0 loads once. */
  reloadInterval: number;
  samplesPerPlugin: SamplesPerPlugin;
  /** '' or a path starting with '/' and not ending with one, e.g. '/tb'. */
  pathPrefix: string;
  windowTitle: string;
  /** Plugin ids in tab order; empty means every installed plugin. */
  plugins: string[];
  /** The tfjs backend to start from; `auto` picks the best present. */
  computeBackend: ComputeBackend | 'auto';
}

/** A bad command line; the message is shown as is. */
export class FlagError extends Error {
  override readonly name = 'FlagError';
}

export const DEFAULT_PORT = 6006;

interface FlagSpec {
  readonly name: string;
  readonly value: string | null;
  readonly help: string;
}

/** Every flag of `serve`, for parsing and for --help. */
export const SERVE_FLAGS: readonly FlagSpec[] = [
  { name: 'logdir', value: 'DIR', help: 'The log directory: one sub-directory per run.' },
  { name: 'logdir_spec', value: 'NAME:DIR,...', help: 'Several named log directories instead of --logdir.' },
  { name: 'port', value: 'N', help: `Port to serve on (default ${DEFAULT_PORT}; 0 picks a free one).` },
  { name: 'host', value: 'ADDR', help: 'Address to bind (default 127.0.0.1: this machine only).' },
  { name: 'bind_all', value: null, help: 'Serve on every network interface (same as --host 0.0.0.0 / ::).' },
  { name: 'reload_interval', value: 'SECONDS', help: 'How often to look for new data (default 5; 0 loads once).' },
  { name: 'samples_per_plugin', value: 'SPEC', help: 'Points kept per tag, e.g. scalars=1000,images=50 (scalars: all by default).' },
  { name: 'path_prefix', value: 'PATH', help: 'Serve under this URL path, e.g. /tensorboard (behind a proxy).' },
  { name: 'window_title', value: 'TEXT', help: 'The browser window title.' },
  { name: 'plugins', value: 'ID,...', help: 'Only these dashboards, as tabs in this order (default: every installed one).' },
  {
    name: 'compute_backend',
    value: 'NAME',
    help: `Backend for heavy numeric work: auto (default: the best present), ${BACKEND_ORDER.join(', ')}.`,
  },
];

/** Parses `serve`'s arguments (after the command name). */
export function parseServeFlags(args: readonly string[]): ServeFlags {
  const raw = new Map<string, string | true>();
  const known = new Map(SERVE_FLAGS.map((f) => [f.name, f]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new FlagError(`unexpected argument '${arg}'; flags start with --`);
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)).replace(/-/g, '_');
    const spec = known.get(name);
    if (!spec) throw new FlagError(`unknown flag --${name}; see tb-core serve --help`);
    if (spec.value === null) {
      if (eq > 0) throw new FlagError(`--${name} takes no value, found '${arg.slice(eq + 1)}'`);
      raw.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new FlagError(`--${name} needs a value (${spec.value})`);
    raw.set(name, value);
  }
  const str = (name: string) => {
    const v = raw.get(name);
    return typeof v === 'string' ? v : undefined;
  };

  const logdir = str('logdir');
  const logdirSpec = str('logdir_spec');
  if (logdir !== undefined && logdirSpec !== undefined) throw new FlagError('give --logdir or --logdir_spec, not both');
  const bindAll = raw.has('bind_all');
  const host = str('host');
  if (bindAll && host !== undefined) throw new FlagError('give --host or --bind_all, not both');

  return {
    logdir,
    logdirSpec,
    port: parsePort(str('port')),
    host: bindAll ? '::' : (host ?? '127.0.0.1'),
    bindAll,
    reloadInterval: parseSeconds(str('reload_interval')),
    samplesPerPlugin: parseSamples(str('samples_per_plugin')),
    pathPrefix: parsePathPrefix(str('path_prefix') ?? ''),
    windowTitle: str('window_title') ?? '',
    plugins: (str('plugins') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    computeBackend: parseCompute(str('compute_backend') ?? 'auto'),
  };
}

function parseSamples(v: string | undefined): SamplesPerPlugin {
  if (v === undefined) return {};
  try {
    return parseSamplesPerPlugin(v);
  } catch (err) {
    throw new FlagError((err as Error).message);
  }
}

function parseCompute(v: string): ComputeBackend | 'auto' {
  try {
    return parseBackend(v);
  } catch (err) {
    throw new FlagError(`--compute_backend: ${(err as Error).message}`);
  }
}

function parsePort(v: string | undefined): number {
  if (v === undefined) return DEFAULT_PORT;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new FlagError(`--port should be a number from 0 to 65535, found '${v}'`);
  return n;
}

function parseSeconds(v: string | undefined): number {
  if (v === undefined) return 5;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new FlagError(`--reload_interval should be a number of seconds >= 0, found '${v}'`);
  }
  return n;
}

/** Normalizes '/tb/' and 'tb' to '/tb'; '' and '/' to ''. */
export function parsePathPrefix(v: string): string {
  const trimmed = v.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed) || trimmed.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new FlagError(`--path_prefix should be a URL path like /tensorboard, found '${v}'`);
  }
  return `/${trimmed}`;
}

/** The help text of `serve`. */
export function serveHelp(): string {
  const rows = SERVE_FLAGS.map((f) => [`--${f.name}${f.value ? ` ${f.value}` : ''}`, f.help] as const);
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}
