// The rspack configuration of a plugin's dashboard as a module federation remote. Plugin
// packages (ours and third-party ones) call this from their build script:
//
//   import { rspack } from '@rspack/core';
//   import { federatedRemoteConfig } from '@tb/core/scripts/remote-config.mjs';
//   const config = federatedRemoteConfig({
//     name: 'tb_plugin_scalars', root: pluginDir,
//     expose: './src/frontend/Dashboard.tsx', outDir: `${pluginDir}/dist/frontend`,
//   });
//
// or run build-remote.mjs. The output directory holds mf-manifest.json (what the plugin
// listing's manifest_url points at), remoteEntry.js and content-hashed chunks. The remote
// exposes './Dashboard' and takes preact, preact/hooks, preact/jsx-runtime and @tb/ui
// from the shell (shared singletons with `import: false`), and the federation runtime
// too (the shell provides it); it bundles everything else (d3 included).
import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { outputOptions, resolveOptions, scriptRules, sharedConfig } from './federation-shared.mjs';

/** What a remote's name must look like: it becomes a JavaScript global. */
export const REMOTE_NAME_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * @param {object} options
 * @param {string} options.name The remote's name, a JavaScript identifier (`tb_plugin_scalars`);
 *   the plugin's `frontend.remoteName` must be the same.
 * @param {string} options.root The plugin package's directory (its package.json names the
 *   preact and @tb/ui ranges it needs).
 * @param {string} options.expose The dashboard module, relative to `root`
 *   (`./src/frontend/Dashboard.tsx`); its default export is the component.
 * @param {string} options.outDir Where to write the remote.
 * @param {'production' | 'development'} [options.mode] Default production.
 * @returns {import('@rspack/core').RspackOptions}
 */
export function federatedRemoteConfig({ name, root, expose, outDir, mode = 'production' }) {
  if (typeof name !== 'string' || !REMOTE_NAME_PATTERN.test(name)) {
    throw new Error(`federatedRemoteConfig: name should be a JavaScript identifier such as 'tb_plugin_scalars', found '${name}'`);
  }
  if (typeof root !== 'string' || typeof expose !== 'string' || typeof outDir !== 'string') {
    throw new Error('federatedRemoteConfig: root, expose and outDir should be strings (paths)');
  }
  const context = path.resolve(root);
  const exposePath = expose.startsWith('.') ? expose : `./${expose}`;
  return {
    mode,
    context,
    target: 'web',
    devtool: 'source-map',
    entry: {},
    output: outputOptions(path.resolve(context, outDir), name),
    resolve: resolveOptions,
    module: { rules: scriptRules() },
    performance: { hints: false },
    plugins: [
      new ModuleFederationPlugin({
        name,
        filename: 'remoteEntry.js',
        exposes: { './Dashboard': exposePath },
        shared: sharedConfig('remote', context),
        manifest: true,
        dts: false,
        // The shell provides the federation runtime (provideExternalRuntime), so each
        // remote does not carry its own ~100 KiB copy.
        experiments: { externalRuntime: true },
      }),
    ],
  };
}
