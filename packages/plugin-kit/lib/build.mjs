// Builds a plugin package's dashboard as a module federation remote: what tb-plugin-build
// runs, as a function.
import { rspack } from '@rspack/core';
import { runRspack } from './federation-shared.mjs';
import { readPluginPackage } from './plugin-package.mjs';
import { federatedRemoteConfig } from './remote-config.mjs';

/**
 * What one build did.
 * @typedef {object} BuildResult
 * @property {import('./plugin-package.mjs').PluginPackage} plugin The package that was built.
 * @property {number} ms How long the build took.
 */

/**
 * Reads `root`'s package.json and builds its dashboard into `<root>/dist/frontend`
 * (mf-manifest.json, remoteEntry.js and content-hashed chunks).
 * @param {{ root: string, mode?: 'production' | 'development' }} options
 * @returns {Promise<BuildResult>}
 * @throws {Error} For a package that is not a buildable plugin, or a failed build (each
 *   error with its file and line).
 */
export async function buildPluginFrontend({ root, mode = 'production' }) {
  const started = Date.now();
  const plugin = readPluginPackage(root);
  const config = federatedRemoteConfig({
    name: plugin.remoteName,
    root: plugin.root,
    expose: plugin.expose,
    outDir: plugin.outDir,
    mode,
  });
  await runRspack(rspack, config);
  return { plugin, ms: Date.now() - started };
}
