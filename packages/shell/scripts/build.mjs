#!/usr/bin/env node
// Builds the shell (src/) into dist/: index.html with the <!--TB_CONFIG--> marker the
// server replaces, content-hashed scripts and styles. The shell is a module federation
// host that knows no plugin at build time; it shares preact and @tb/ui as singletons with
// the dashboards it loads at run time, with the same list and the same bundler as
// tb-plugin-build uses for them (both from @tb/plugin-kit). Needs @tb/ui built first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { installedVersion, outputOptions, resolveOptions, runRspack, scriptRules, sharedConfig } from '@tb/plugin-kit/federation-shared';
import { ModuleFederationPlugin, rspack } from '@tb/plugin-kit/toolchain';

const shellDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = path.join(shellDir, 'src');
const outDir = path.join(shellDir, 'dist');
const MARKER = '<!--TB_CONFIG-->';

try {
  const started = Date.now();
  const versions = { preact: installedVersion(shellDir, 'preact'), '@tb/ui': installedVersion(shellDir, '@tb/ui') };
  for (const [pkg, v] of Object.entries(versions)) {
    if (!v) throw new Error(`expected ${pkg} installed for @tb/shell (in ${shellDir}node_modules), found none: run pnpm install`);
  }
  await runRspack(rspack, {
    mode: 'production',
    context: srcDir,
    target: 'web',
    devtool: 'source-map',
    entry: { main: './index.tsx' },
    output: outputOptions(outDir, 'tb_shell'),
    resolve: resolveOptions(),
    module: { rules: scriptRules() },
    performance: { hints: false },
    plugins: [
      new rspack.DefinePlugin({ __TB_SHARED_VERSIONS__: JSON.stringify(versions) }),
      new rspack.HtmlRspackPlugin({ template: path.join(srcDir, 'index.html'), filename: 'index.html', inject: 'head', scriptLoading: 'defer', minify: false }),
      new ModuleFederationPlugin({
        name: 'tb_shell',
        remotes: {},
        shared: sharedConfig('host', shellDir),
        manifest: false,
        dts: false,
        // Remotes are built with externalRuntime: the shell gives them its federation runtime.
        experiments: { provideExternalRuntime: true },
      }),
    ],
  });
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  if (!html.includes(MARKER)) throw new Error(`expected the ${MARKER} marker in ${outDir}/index.html, found none`);
  console.log(`built the shell into ${path.relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms`);
} catch (e) {
  console.error(`@tb/shell build: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
