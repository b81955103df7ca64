/**
 * The flags of `tb-core serve`: TensorBoard's names and defaults, plus `--plugins` and
 * `--compute_backend`, read by the shared parser in ./args.ts. Parsing is pure: it
 * returns the flags or throws a {@link FlagError} that says what was expected and what
 * was found.
 */
import { BACKEND_ORDER, parseBackend, type ComputeBackend } from '../compute/backend.js';
import { parseSamplesPerPlugin, type SamplesPerPlugin } from '../multiplexer/samples.js';
import { parseAllowedHosts, type AllowedHosts } from '../server/host-check.js';
import type { S3Options } from '../storage/s3-options.js';
import { flagHelp, HELP_FLAG, numberFlag, parsedFlag, parseFlags, type FlagTable, type FlagValues } from './args.js';
import { FlagError } from './flag-error.js';

export { FlagError };

export interface ServeFlags {
  logdir: string | undefined;
  logdirSpec: string | undefined;
  /** How to reach s3:// roots. */
  s3: S3Options;
  /** 0 picks any free port. */
  port: number;
  host: string;
  bindAll: boolean;
  /** `--allowed_hosts`: Host names answered besides loopback ones (`'*'`: any); undefined when not given. */
  allowedHosts: AllowedHosts | undefined;
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

export const DEFAULT_PORT = 6006;

/** The flags that say which logs to read; `serve` and `inspect` both take them. */
export const LOG_ROOT_FLAGS = {
  logdir: { type: 'string', value: 'DIR', help: 'The log directory (or s3://bucket/prefix): one sub-directory per run.' },
  logdir_spec: { type: 'string', value: 'NAME:DIR,...', help: 'Several named log directories (or s3:// URLs) instead of --logdir.' },
  s3_endpoint: {
    type: 'string',
    value: 'URL',
    help: 'Object storage that is not AWS S3: MinIO, Ceph, R2, GCS (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, else AWS).',
  },
  s3_addressing: {
    type: 'string',
    value: 'STYLE',
    help: 'path (endpoint/bucket/key) or virtual (bucket.endpoint/key); default: path with another endpoint, virtual on AWS.',
  },
  s3_region: { type: 'string', value: 'NAME', help: 'The bucket\'s region (default: AWS_REGION or ~/.aws/config, else us-east-1).' },
  samples_per_plugin: {
    type: 'string',
    value: 'SPEC',
    help: 'Points kept per tag, e.g. scalars=1000,images=50 (scalars: all by default).',
  },
} as const satisfies FlagTable;

/** `--compute_backend`; `serve` and `demo` both take it. */
export const COMPUTE_BACKEND_FLAG = {
  type: 'string',
  value: 'NAME',
  help: `Backend for heavy numeric work: auto (default: the best present), ${BACKEND_ORDER.join(', ')}.`,
} as const satisfies FlagTable[string];

/** Every flag of `serve`, for parsing and for --help. */
export const SERVE_FLAGS = {
  ...LOG_ROOT_FLAGS,
  port: { type: 'string', value: 'N', help: `Port to serve on (default ${DEFAULT_PORT}; 0 picks a free one).` },
  host: { type: 'string', value: 'ADDR', help: 'Address to bind (default 127.0.0.1: this machine only).' },
  bind_all: { type: 'boolean', help: 'Serve on every network interface (same as --host 0.0.0.0 / ::).' },
  allowed_hosts: {
    type: 'string',
    value: 'NAME,...',
    help: 'Host names to answer besides localhost (default: only those when bound to 127.0.0.1, any otherwise; * for any).',
  },
  reload_interval: { type: 'string', value: 'SECONDS', help: 'How often to look for new data (default 5; 0 loads once).' },
  path_prefix: { type: 'string', value: 'PATH', help: 'Serve under this URL path, e.g. /tensorboard (behind a proxy).' },
  window_title: { type: 'string', value: 'TEXT', help: 'The browser window title.' },
  plugins: { type: 'string', value: 'ID,...', help: 'Only these dashboards, as tabs in this order (default: every installed one).' },
  compute_backend: COMPUTE_BACKEND_FLAG,
  help: HELP_FLAG,
} as const satisfies FlagTable;

/** Where the logs are, as {@link LOG_ROOT_FLAGS} give it. */
export interface LogRootFlags {
  logdir: string | undefined;
  logdirSpec: string | undefined;
  samplesPerPlugin: SamplesPerPlugin;
  /** How to reach s3:// roots; credentials come from the AWS SDK's chain. */
  s3: S3Options;
}

/** Checks and converts what {@link LOG_ROOT_FLAGS} read. */
export function logRootFlags(v: FlagValues<typeof LOG_ROOT_FLAGS>): LogRootFlags {
  if (v.logdir !== undefined && v.logdir_spec !== undefined) throw new FlagError('give --logdir or --logdir_spec, not both');
  return {
    logdir: v.logdir,
    logdirSpec: v.logdir_spec,
    samplesPerPlugin: v.samples_per_plugin === undefined ? {} : parsedFlag('samples_per_plugin', v.samples_per_plugin, parseSamplesPerPlugin),
    s3: s3Flags(v),
  };
}

/** `--s3_endpoint`, `--s3_addressing` and `--s3_region`, checked. */
function s3Flags(v: FlagValues<typeof LOG_ROOT_FLAGS>): S3Options {
  const out: { endpoint?: string; forcePathStyle?: boolean; region?: string } = {};
  if (v.s3_endpoint !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(v.s3_endpoint);
    } catch {
      // said below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new FlagError(`--s3_endpoint should be an http:// or https:// URL such as http://127.0.0.1:9000, found '${v.s3_endpoint}'`);
    }
    out.endpoint = v.s3_endpoint;
  }
  if (v.s3_addressing !== undefined) {
    if (v.s3_addressing !== 'path' && v.s3_addressing !== 'virtual') {
      throw new FlagError(`--s3_addressing should be path or virtual, found '${v.s3_addressing}'`);
    }
    out.forcePathStyle = v.s3_addressing === 'path';
  }
  if (v.s3_region !== undefined) {
    if (!/^[a-z0-9-]+$/i.test(v.s3_region)) throw new FlagError(`--s3_region should be a region name such as eu-west-1, found '${v.s3_region}'`);
    out.region = v.s3_region;
  }
  return out;
}

/** Reads `--compute_backend`'s value (`auto` when not given). */
export function computeBackendFlag(value: string | undefined): ComputeBackend | 'auto' {
  return parsedFlag('compute_backend', value ?? 'auto', parseBackend);
}

/** Parses `serve`'s arguments (after the command name). */
export function parseServeFlags(args: readonly string[]): ServeFlags {
  const v = parseFlags('tb-core serve', SERVE_FLAGS, args);
  const { logdir, logdirSpec, samplesPerPlugin, s3 } = logRootFlags(v);
  const bindAll = v.bind_all ?? false;
  if (bindAll && v.host !== undefined) throw new FlagError('give --host or --bind_all, not both');
  return {
    logdir,
    logdirSpec,
    s3,
    port: v.port === undefined ? DEFAULT_PORT : numberFlag('port', v.port, { min: 0, max: 65535, integer: true, expected: 'a number from 0 to 65535' }),
    host: bindAll ? '::' : (v.host ?? '127.0.0.1'),
    bindAll,
    allowedHosts: v.allowed_hosts === undefined ? undefined : parsedFlag('allowed_hosts', v.allowed_hosts, parseAllowedHosts),
    reloadInterval:
      v.reload_interval === undefined ? 5 : numberFlag('reload_interval', v.reload_interval, { min: 0, expected: 'a number of seconds >= 0' }),
    samplesPerPlugin,
    pathPrefix: parsePathPrefix(v.path_prefix ?? ''),
    windowTitle: v.window_title ?? '',
    plugins: (v.plugins ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    computeBackend: computeBackendFlag(v.compute_backend),
  };
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

/** The help lines of `serve`'s flags. */
export function serveHelp(): string {
  return flagHelp(SERVE_FLAGS);
}
