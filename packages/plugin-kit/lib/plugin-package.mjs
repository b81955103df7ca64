// What tb-plugin-build reads from a plugin package's package.json: its name (the remote
// name comes from it), and where its dashboard is (`tbPlugin.frontend`, else the default).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { remoteNameOf } from './remote-name.mjs';

/** Where the dashboard module is when package.json's `tbPlugin.frontend` does not say. */
export const DEFAULT_FRONTEND = './src/frontend/Dashboard.tsx';

/** Where the remote is written, relative to the package. */
export const FRONTEND_OUT_DIR = 'dist/frontend';

/**
 * A plugin package as the build sees it.
 * @typedef {object} PluginPackage
 * @property {string} root The package's directory (absolute).
 * @property {string} name Its package.json `name`.
 * @property {string} remoteName The remote's name, from {@link remoteNameOf}.
 * @property {string} expose The dashboard module relative to `root` (`./src/frontend/Dashboard.tsx`).
 * @property {string} frontend The dashboard module's absolute path.
 * @property {string} outDir Where the remote goes (absolute: `<root>/dist/frontend`).
 */

/**
 * The parsed package.json in `root`.
 * @param {string} root
 * @returns {Record<string, unknown>}
 * @throws {Error} When there is none, or it is not a JSON object.
 */
export function readPackageJson(root) {
  const file = path.join(path.resolve(root), 'package.json');
  if (!existsSync(file)) {
    throw new Error(`expected a package.json in ${path.resolve(root)} (the plugin package's directory), found none`);
  }
  /** @type {unknown} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error(`${file} should hold a JSON object, found ${Array.isArray(manifest) ? 'an array' : JSON.stringify(manifest)}`);
  }
  return /** @type {Record<string, unknown>} */ (manifest);
}

/**
 * The dashboard module a package.json declares: `tbPlugin.frontend` when set, else
 * {@link DEFAULT_FRONTEND}; null when `tbPlugin` is false (not a plugin).
 * @param {Record<string, unknown>} manifest
 * @returns {{ expose: string, declared: boolean } | null}
 * @throws {Error} When `tbPlugin.frontend` is there but not a path.
 */
export function frontendOf(manifest) {
  const tb = manifest.tbPlugin;
  if (tb === false) return null;
  if (typeof tb === 'object' && tb !== null && 'frontend' in tb) {
    const frontend = /** @type {{ frontend: unknown }} */ (tb).frontend;
    if (typeof frontend !== 'string' || frontend.trim() === '') {
      throw new Error(
        `expected package.json "tbPlugin.frontend" to be a path relative to the package, such as "./src/Dashboard.tsx", found ${JSON.stringify(frontend)}`,
      );
    }
    return { expose: frontend.startsWith('.') ? frontend : `./${frontend}`, declared: true };
  }
  return { expose: DEFAULT_FRONTEND, declared: false };
}

/**
 * Whether the package in `root` has a dashboard to build: its package.json names one in
 * `tbPlugin.frontend`, or has the file at {@link DEFAULT_FRONTEND} (and `tbPlugin` is not false).
 * @param {string} root
 * @returns {boolean}
 */
export function hasPluginFrontend(root) {
  let manifest;
  try {
    manifest = readPackageJson(root);
  } catch {
    return false;
  }
  const frontend = frontendOf(manifest);
  if (!frontend) return false;
  return frontend.declared || existsSync(path.resolve(root, frontend.expose));
}

/**
 * Reads the plugin package in `root`, checking what the build needs.
 * @example readPluginPackage('packages/plugin-scalars').remoteName // 'tb_plugin_scalars'
 * @param {string} root
 * @returns {PluginPackage}
 * @throws {Error} No package.json, no name, `tbPlugin: false`, or no dashboard file.
 */
export function readPluginPackage(root) {
  const dir = path.resolve(root);
  const manifest = readPackageJson(dir);
  const file = path.join(dir, 'package.json');
  const name = manifest.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new Error(
      `${file} has no "name": expected the plugin's package name (such as "@acme/tb-plugin-foo"), from which the remote name is derived`,
    );
  }
  const frontend = frontendOf(manifest);
  if (!frontend) {
    throw new Error(`${file} says "tbPlugin": false, so ${name} is not a plugin: expected a plugin package with a dashboard to build`);
  }
  const full = path.resolve(dir, frontend.expose);
  if (!full.startsWith(dir + path.sep)) {
    throw new Error(`expected "tbPlugin.frontend" inside the package ${dir}, found '${frontend.expose}', which lies outside it`);
  }
  if (!existsSync(full) || !statSync(full).isFile()) {
    const why = frontend.declared
      ? 'the file package.json "tbPlugin.frontend" names'
      : `the default, as package.json has no "tbPlugin": { "frontend": "./path/to/Dashboard.tsx" }`;
    throw new Error(`expected the dashboard module at ${full} (${why}), found no such file`);
  }
  return {
    root: dir,
    name,
    remoteName: remoteNameOf(name),
    expose: frontend.expose,
    frontend: full,
    outDir: path.join(dir, FRONTEND_OUT_DIR),
  };
}
