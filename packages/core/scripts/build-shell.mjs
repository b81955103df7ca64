#!/usr/bin/env node
// Builds the shell (src/shell/) into dist/shell/: index.html with the <!--TB_CONFIG-->
// marker the server replaces, content-hashed scripts and styles. The shell is a module
// federation host that knows no plugin at build time; it shares preact and @tb/ui as
// singletons with the dashboards it loads at run time. Needs @tb/ui built first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rspack } from '@rspack/core';
import { ModuleFederationPlugin } from '@module-federation/enhanced/rspack';
import { installedVersion, outputOptions, resolveOptions, runRspack, scriptRules, sharedConfig } from './federation-shared.mjs';

const coreDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = path.join(coreDir, 'src', 'shell');
const outDir = path.join(coreDir, 'dist', 'shell');
const MARKER = '<!--TB_CONFIG-->';

const versions = { preact: installedVersion(coreDir, 'preact'), '@tb/ui': installedVersion(coreDir, '@tb/ui') };
for (const [pkg, v] of Object.entries(versions)) {
  if (!v) throw new Error(`build-shell: ${pkg} is not installed for @tb/core (run pnpm install)`);
}

/** @type {import('@rspack/core').RspackOptions} */
const config = {
  mode: 'production',
  context: srcDir,
  target: 'web',
  devtool: 'source-map',
  entry: { main: './index.tsx' },
  output: outputOptions(outDir, 'tb_shell'),
  resolve: resolveOptions,
  module: { rules: scriptRules() },
  performance: { hints: false },
  plugins: [
    new rspack.DefinePlugin({ __TB_SHARED_VERSIONS__: JSON.stringify(versions) }),
    new rspack.HtmlRspackPlugin({ template: path.join(srcDir, 'index.html'), filename: 'index.html', inject: 'head', scriptLoading: 'defer', minify: false }),
    new ModuleFederationPlugin({
      name: 'tb_shell',
      remotes: {},
      shared: sharedConfig('host', coreDir),
      manifest: false,
      dts: false,
      // Remotes are built with externalRuntime: the shell gives them its federation runtime.
      experiments: { provideExternalRuntime: true },
    }),
  ],
};

try {
  const started = Date.now();
  await runRspack(rspack, config);
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  if (!html.includes(MARKER)) throw new Error(`build-shell: ${outDir}/index.html lost the ${MARKER} marker`);
  console.log(`built the shell into ${path.relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
