// The module federation pieces shared by the shell's build and every plugin remote's
// build: which packages are singletons, their versions, and the TSX rule. One place, so
// the host and the remotes cannot drift apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Shared as singletons between the shell and every dashboard: one Preact (hooks keep
 * their state on the instance) and one @tb/ui. d3 and everything else stay in each remote.
 */
export const SHARED_SINGLETONS = ['preact', 'preact/hooks', 'preact/jsx-runtime', '@tb/ui'];

/** The package that provides a shared request: `preact/hooks` comes from `preact`. */
export function packageOf(request) {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The version of `pkg` installed for the package in `root`, or null. */
export function installedVersion(root, pkg) {
  let dir = path.resolve(root);
  for (;;) {
    try {
      return readJson(path.join(dir, 'node_modules', pkg, 'package.json')).version ?? null;
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
 */
export function requiredRange(root, pkg) {
  let manifest = {};
  try {
    manifest = readJson(path.join(root, 'package.json'));
  } catch {
    return false;
  }
  const spec =
    manifest.peerDependencies?.[pkg] ?? manifest.dependencies?.[pkg] ?? manifest.devDependencies?.[pkg] ?? null;
  if (spec === null) return false;
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
 * The `shared` option for the shell (`host`: provides its own copies, from its bundle) or a
 * remote (`remote`: `import: false`, so it never bundles or loads a copy of its own and
 * always runs on the shell's instances).
 */
export function sharedConfig(role, root) {
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

/** TypeScript / TSX through rspack's built-in SWC, with Preact's automatic JSX runtime. */
export function scriptRules() {
  return [
    {
      test: /\.[cm]?[jt]sx?$/,
      exclude: /[\\/]node_modules[\\/]/,
      loader: 'builtin:swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic', importSource: 'preact' } },
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

/** Resolution for TypeScript sources written with NodeNext `.js` specifiers. */
export const resolveOptions = {
  extensions: ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.json'],
  extensionAlias: { '.js': ['.tsx', '.ts', '.js'], '.mjs': ['.mts', '.mjs'] },
};

/** Runs an rspack build; resolves with its stats, rejects with every error's message. */
export async function runRspack(rspack, config) {
  const compiler = rspack(config);
  const stats = await new Promise((resolve, reject) => compiler.run((err, s) => (err ? reject(err) : resolve(s))));
  await new Promise((resolve) => compiler.close(resolve));
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  for (const w of info.warnings ?? []) console.warn(`warning: ${w.message}`);
  if (stats.hasErrors()) {
    throw new Error(`rspack build of ${config.output?.path} failed:\n${(info.errors ?? []).map((e) => e.message).join('\n')}`);
  }
  return stats;
}
