// The module federation pieces shared by the shell's build and every plugin remote's
// build: which packages are singletons, their versions, the TSX rule, where modules are
// resolved from, and how a build is run. One place, so the host and the
// remotes cannot drift apart.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { formatBuildError } from './build-errors.mjs';

/**
 * Shared as singletons between the shell and every dashboard: one Preact (hooks keep
 * their state on the instance) and one `@tb/ui`. d3 and everything else stay in each remote.
 */
export const SHARED_SINGLETONS = ['preact', 'preact/hooks', 'preact/jsx-runtime', '@tb/ui'];

/**
 * The package that provides a shared request.
 * @example packageOf('preact/hooks') // 'preact'
 * @param {string} request
 * @returns {string}
 */
export function packageOf(request) {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] ?? request;
}

/**
 * @param {string} file
 * @returns {Record<string, unknown>}
 */
function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The version of `pkg` installed for the package in `root` (found the way Node finds it:
 * in `node_modules` from `root` up), or null.
 * @param {string} root
 * @param {string} pkg
 * @returns {string | null}
 */
export function installedVersion(root, pkg) {
  let dir = path.resolve(root);
  for (;;) {
    try {
      const version = readJson(path.join(dir, 'node_modules', pkg, 'package.json')).version;
      return typeof version === 'string' ? version : null;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return null;
      dir = parent;
    }
  }
}

/**
 * The version range `root`'s package.json asks for `pkg` (peer, then regular, then dev
 * dependencies). A pnpm `workspace:` range becomes a caret range on the installed
 * version. False (no check) when the package does not name it.
 * @param {string} root
 * @param {string} pkg
 * @returns {string | false}
 */
export function requiredRange(root, pkg) {
  /** @type {Record<string, Record<string, string> | undefined>} */
  let manifest;
  try {
    manifest = /** @type {Record<string, Record<string, string> | undefined>} */ (readJson(path.join(root, 'package.json')));
  } catch {
    return false;
  }
  const spec = manifest.peerDependencies?.[pkg] ?? manifest.dependencies?.[pkg] ?? manifest.devDependencies?.[pkg] ?? null;
  if (typeof spec !== 'string') return false;
  if (spec.startsWith('workspace:')) {
    const version = installedVersion(root, pkg);
    const rest = spec.slice('workspace:'.length);
    if (!version) return false;
    if (rest === '*' || rest === '') return version;
    if (rest === '^' || rest === '~') return `${rest}${version}`;
    return rest;
  }
  return spec;
}

/**
 * @typedef {{ singleton: true, requiredVersion: string | false, version?: string, import?: false }} SharedEntry
 */

/**
 * The `shared` option for the shell (`host`: provides its own copies, from its bundle) or a
 * remote (`remote`: `import: false`, so it never bundles or loads a copy of its own and
 * always runs on the shell's instances).
 * @param {'host' | 'remote'} role
 * @param {string} root The package being built (its package.json and node_modules).
 * @returns {Record<string, SharedEntry>}
 */
export function sharedConfig(role, root) {
  /** @type {Record<string, SharedEntry>} */
  const shared = {};
  for (const request of SHARED_SINGLETONS) {
    const pkg = packageOf(request);
    const range = requiredRange(root, pkg);
    const version = installedVersion(root, pkg);
    shared[request] =
      role === 'host'
        ? { singleton: true, requiredVersion: version ? `^${version}` : range, ...(version ? { version } : {}) }
        : { singleton: true, import: false, requiredVersion: range };
  }
  return shared;
}

/**
 * TypeScript / TSX through rspack's built-in SWC, with Preact's automatic JSX runtime,
 * and CSS through rspack's native CSS support.
 * @returns {import('@rspack/core').RuleSetRule[]}
 */
export function scriptRules() {
  return [
    {
      test: /\.[cm]?[jt]sx?$/,
      exclude: /[\\/]node_modules[\\/]/,
      loader: 'builtin:swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          // development: false in both modes, so JSX always imports preact/jsx-runtime,
          // the shared singleton (jsx-dev-runtime would bring a second Preact along).
          transform: { react: { runtime: 'automatic', importSource: 'preact', development: false } },
          target: 'es2022',
        },
      },
      type: 'javascript/auto',
    },
    { test: /\.css$/, type: 'css' },
  ];
}

/**
 * Where and how a federated build writes: content-hashed names (cached for good by the
 * server), `publicPath: 'auto'` (chunks load from wherever the entry was served, so any
 * --path_prefix works), and a clean directory.
 * @param {string} outDir
 * @param {string} uniqueName
 * @returns {import('@rspack/core').Output}
 */
export function outputOptions(outDir, uniqueName) {
  return {
    path: outDir,
    publicPath: 'auto',
    uniqueName,
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    cssFilename: '[name].[contenthash:8].css',
    cssChunkFilename: '[name].[contenthash:8].css',
    clean: true,
  };
}

/**
 * The `node_modules` folders that hold plugin-kit's own dependencies (`@rspack/core`,
 * `@module-federation/enhanced` and, under pnpm, their dependencies next to them).
 * @returns {string[]}
 */
function toolchainModules() {
  const require = createRequire(import.meta.url);
  /** @type {string[]} */
  const dirs = [];
  for (const pkg of ['@module-federation/enhanced', '@rspack/core']) {
    try {
      const manifest = require.resolve(`${pkg}/package.json`);
      // <...>/node_modules/@scope/name/package.json -> <...>/node_modules
      const modules = path.resolve(path.dirname(manifest), '..', '..');
      if (!dirs.includes(modules)) dirs.push(modules);
    } catch {
      // Not resolvable from here: the package's own node_modules still apply.
    }
  }
  return dirs;
}

/**
 * Resolution for TypeScript sources written with NodeNext `.js` specifiers. Modules are
 * looked up from the package being built first (`node_modules` up from each file), then
 * in plugin-kit's own dependencies, so the federation runtime the build injects resolves
 * for a plugin that installed nothing but `@tb/plugin-kit`, `@tb/ui` and `preact`.
 * @returns {import('@rspack/core').ResolveOptions}
 */
export function resolveOptions() {
  return {
    extensions: ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.json'],
    extensionAlias: { '.js': ['.tsx', '.ts', '.js'], '.mjs': ['.mts', '.mjs'] },
    modules: ['node_modules', ...toolchainModules()],
  };
}

/**
 * Runs an rspack build with the given rspack; resolves with its stats, rejects with every
 * error, each with its file and line.
 * @param {typeof import('@rspack/core').rspack} rspack
 * @param {import('@rspack/core').RspackOptions} config
 * @returns {Promise<import('@rspack/core').Stats>}
 */
export async function runRspack(rspack, config) {
  const compiler = rspack(config);
  /** @type {import('@rspack/core').Stats} */
  const stats = await new Promise((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : s ? resolve(s) : reject(new Error('rspack returned no stats')))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  const context = config.context ?? process.cwd();
  const info = stats.toJson({ all: false, errors: true, warnings: true, moduleTrace: false });
  for (const w of info.warnings ?? []) console.warn(`warning: ${formatBuildError(w, context)}`);
  if (stats.hasErrors()) {
    const errors = (info.errors ?? []).map((e) => formatBuildError(e, context));
    throw new Error(`the build into ${config.output?.path ?? '(no output path)'} failed:\n${errors.join('\n')}`);
  }
  return stats;
}
