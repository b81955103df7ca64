#!/usr/bin/env node
// tb-plugin-build: builds the plugin package in the current directory (or --root) as a
// module federation remote, into <root>/dist/frontend. See ../README.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPluginFrontend } from '../lib/build.mjs';

const USAGE = `usage: tb-plugin-build [--root <plugin dir>] [--mode production|development]

Builds a tb-core plugin's dashboard as a module federation remote, into
<root>/dist/frontend (mf-manifest.json, remoteEntry.js, chunks).

  --root <dir>    the plugin package (default: the current directory)
  --mode <mode>   production (default) or development
  -h, --help      this text

The remote's name comes from package.json "name" (@acme/tb-plugin-foo ->
acme_tb_plugin_foo); the dashboard is package.json "tbPlugin": { "frontend": ... },
default ./src/frontend/Dashboard.tsx.`;

/** @type {{ root?: string, mode?: string, help?: boolean }} */
let values;
try {
  ({ values } = parseArgs({
    options: {
      root: { type: 'string' },
      mode: { type: 'string', default: 'production' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }));
} catch (e) {
  console.error(`tb-plugin-build: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const mode = values.mode;
if (mode !== 'production' && mode !== 'development') {
  console.error(`tb-plugin-build: --mode should be production or development, found '${mode}'`);
  process.exit(2);
}

try {
  const { plugin, ms } = await buildPluginFrontend({ root: values.root ?? process.cwd(), mode });
  const out = path.relative(process.cwd(), plugin.outDir) || '.';
  console.log(`tb-plugin-build: built ${plugin.name} (remote ${plugin.remoteName}, ${plugin.expose}) into ${out} in ${ms} ms`);
} catch (e) {
  console.error(`tb-plugin-build: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
