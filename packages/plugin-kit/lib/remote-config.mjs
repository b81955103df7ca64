// The rspack configuration of a plugin's dashboard as a module federation remote.
// tb-plugin-build uses it; a plugin with its own build script can too:
//
//   import { federatedRemoteConfig } from '@tb/plugin-kit/remote-config';
//   const config = federatedRemoteConfig({
//     name: 'acme_tb_plugin_foo', root: pluginDir,
//     expose: './src/Dashboard.tsx', outDir: `${pluginDir}/dist/frontend`,
//   });
//
// The output directory holds mf-manifest.json (what the plugin listing's manifest_url
// points at), remoteEntry.js and content-hashed chunks. The remote exposes './Dashboard'
// and takes preact, preact/hooks, preact/jsx-runtime and @tb/ui from the shell (shared
// singletons with `import: false`), and the federation runtime too (the shell provides
// it); it bundles everything else (d3 included).
import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { outputOptions, resolveOptions, scriptRules, sharedConfig } from './federation-shared.mjs';

/** A JavaScript identifier: a remote's name becomes a global. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * @typedef {object} RemoteOptions
 * @property {string} name The remote's name, a JavaScript identifier (`tb_plugin_scalars`);
 *   the plugin's `frontend.remoteName` must be the same (see remote-name.mjs).
 * @property {string} root The plugin package's directory (its package.json names the
 *   ranges of `preact` and `@tb/ui` it needs).
 * @property {string} expose The dashboard module, relative to `root`
 *   (`./src/frontend/Dashboard.tsx`); its default export is the component.
 * @property {string} outDir Where to write the remote (relative to `root`, or absolute).
 * @property {'production' | 'development'} [mode] Default production.
 */

/**
 * The rspack options that build `expose` as the remote `name`'s `./Dashboard`.
 * @param {RemoteOptions} options
 * @returns {import('@rspack/core').RspackOptions}
 */
export function federatedRemoteConfig({ name, root, expose, outDir, mode = 'production' }) {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new Error(`federatedRemoteConfig: name should be a JavaScript identifier such as 'tb_plugin_scalars', found '${name}'`);
  }
  if (typeof root !== 'string' || typeof expose !== 'string' || typeof outDir !== 'string') {
    throw new Error('federatedRemoteConfig: root, expose and outDir should be strings (paths)');
  }
  if (mode !== 'production' && mode !== 'development') {
    throw new Error(`federatedRemoteConfig: mode should be 'production' or 'development', found '${mode}'`);
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
    resolve: resolveOptions(),
    module: { rules: scriptRules() },
    performance: { hints: false },
    // The manifest plugin warns on every build that publicPath 'auto' resolves at run time:
    // that is the design (any --path_prefix works), so only its errors are shown.
    infrastructureLogging: { level: 'error' },
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
