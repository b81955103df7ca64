/**
 * Finds installed plugins: packages named `@tb/plugin-*`, `tb-plugin-*` or
 * `@scope/tb-plugin-*`, or whose package.json has a `"tbPlugin"` field, in every
 * `node_modules` from the given directories up to the file-system root. So
 * `pnpm add @tb/core @tb/plugin-scalars` gives a TensorBoard with just scalars, and a
 * third-party plugin shows up as a tab without rebuilding anything.
 *
 * Each plugin declares the @tb/core range it works with (a peer dependency); one
 * outside the range is skipped with a message naming both versions.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';
import { isPlugin, type Plugin } from './define-plugin.js';
import type { PluginCandidate, PluginFrontend } from './host.js';

/** A plugin package found on disk and loaded. */
export interface FoundPlugin extends PluginCandidate {
  readonly packageDir: string;
}

/** Where `tb-plugin-build` puts a plugin's frontend, relative to its package. */
export const FRONTEND_DIR = 'dist/frontend';
const MANIFEST = 'mf-manifest.json';

/** A package that looked like a plugin but was not used, and why. */
export interface SkippedPlugin {
  readonly packageName: string;
  readonly reason: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  exports?: unknown;
  tbPlugin?: string | boolean | { entry?: string; frontend?: string };
  peerDependencies?: Record<string, string>;
}

const NAME_PATTERNS = [/^@tb\/plugin-[a-z0-9._-]+$/, /^tb-plugin-[a-z0-9._-]+$/, /^@[a-z0-9._-]+\/tb-plugin-[a-z0-9._-]+$/];

/** Every `node_modules` directory from each start directory up to the root. */
export function nodeModulesDirs(starts: readonly string[]): string[] {
  const out: string[] = [];
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const nm = path.join(dir, 'node_modules');
      if (existsSync(nm) && !out.includes(nm)) out.push(nm);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return out;
}

/**
 * Finds and imports the plugins installed in `nodeModules` directories.
 * `coreVersion` is checked against each plugin's `peerDependencies['@tb/core']`.
 */
export async function discoverPlugins(
  nodeModules: readonly string[],
  coreVersion: string,
): Promise<{ found: FoundPlugin[]; skipped: SkippedPlugin[] }> {
  const found: FoundPlugin[] = [];
  const skipped: SkippedPlugin[] = [];
  const seen = new Set<string>();
  for (const dir of await candidateDirs(nodeModules)) {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const pkg = await readPackageJson(real);
    if (!pkg?.name) continue;
    const named = NAME_PATTERNS.some((p) => p.test(pkg.name!));
    if ((!named && pkg.tbPlugin === undefined) || pkg.tbPlugin === false) continue;
    if (found.some((f) => f.packageName === pkg.name)) continue;
    const range = pkg.peerDependencies?.['@tb/core'];
    if (range && !semver.satisfies(coreVersion, range, { includePrerelease: true })) {
      skipped.push({
        packageName: pkg.name,
        reason: `${pkg.name}@${pkg.version ?? '?'} needs @tb/core ${range}, but this is @tb/core ${coreVersion}; skipped`,
      });
      continue;
    }
    try {
      const entry = entryOf(real, pkg);
      const mod = (await import(pathToFileURL(entry).href)) as { default?: unknown; plugin?: unknown; plugins?: unknown };
      const plugins = pluginsOf(mod.default) ?? pluginsOf(mod.plugins) ?? pluginsOf(mod.plugin);
      if (!plugins) {
        skipped.push({
          packageName: pkg.name,
          reason: `${pkg.name}: ${path.relative(real, entry)} does not export a plugin made by definePlugin (as default export, or a list of them)`,
        });
        continue;
      }
      const frontend = await readFrontend(real);
      for (const plugin of plugins) {
        found.push({ plugin, packageName: pkg.name, packageDir: real, version: pkg.version ?? '0.0.0', ...(frontend ? { frontend } : {}) });
      }
    } catch (err) {
      skipped.push({ packageName: pkg.name, reason: `${pkg.name} failed to load: ${(err as Error).message}` });
    }
  }
  return { found, skipped };
}

/** A module's export as plugins: one made by definePlugin, or a non-empty list of them. */
function pluginsOf(value: unknown): Plugin[] | null {
  if (isPlugin(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isPlugin)) return value;
  return null;
}

/**
 * The built frontend of the package in `dir`: its remote name is the one its manifest
 * declares, so the name is written once, by the build. Null when nothing was built.
 */
export async function readFrontend(dir: string): Promise<PluginFrontend | null> {
  const frontendDir = path.join(dir, FRONTEND_DIR);
  let manifest: { name?: unknown };
  try {
    manifest = JSON.parse(await readFile(path.join(frontendDir, MANIFEST), 'utf8')) as { name?: unknown };
  } catch {
    return null;
  }
  if (typeof manifest.name !== 'string' || manifest.name === '') return null;
  return { dir: frontendDir, remoteName: manifest.name, manifest: MANIFEST };
}

async function candidateDirs(nodeModules: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const nm of nodeModules) {
    let entries;
    try {
      entries = await readdir(nm, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.name.startsWith('@')) {
        let scoped;
        try {
          scoped = await readdir(path.join(nm, e.name), { withFileTypes: true });
        } catch {
          continue;
        }
        for (const s of scoped) if (s.isDirectory() || s.isSymbolicLink()) out.push(path.join(nm, e.name, s.name));
      } else if (e.isDirectory() || e.isSymbolicLink()) {
        out.push(path.join(nm, e.name));
      }
    }
  }
  return out;
}

async function readPackageJson(dir: string): Promise<PackageJson | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

/** The module to import: `tbPlugin` (a path or `{entry}`), else exports['.'], else main. */
function entryOf(dir: string, pkg: PackageJson): string {
  const tb = pkg.tbPlugin;
  const fromTb = typeof tb === 'string' ? tb : typeof tb === 'object' && tb ? tb.entry : undefined;
  const fromExports = exportsEntry(pkg.exports);
  const rel = fromTb ?? fromExports ?? pkg.main ?? 'index.js';
  const full = path.resolve(dir, rel);
  if (!full.startsWith(dir + path.sep)) throw new Error(`entry '${rel}' lies outside the package`);
  return full;
}

function exportsEntry(exp: unknown): string | undefined {
  if (typeof exp === 'string') return exp;
  if (!exp || typeof exp !== 'object') return undefined;
  const root = '.' in exp ? (exp as Record<string, unknown>)['.'] : exp;
  if (typeof root === 'string') return root;
  if (root && typeof root === 'object') {
    const r = root as Record<string, unknown>;
    for (const key of ['import', 'default', 'node']) if (typeof r[key] === 'string') return r[key] as string;
  }
  return undefined;
}
