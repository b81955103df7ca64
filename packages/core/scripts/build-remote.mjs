#!/usr/bin/env node
// Builds a plugin's dashboard as a module federation remote (see remote-config.mjs).
//
//   node build-remote.mjs --name tb_plugin_scalars --root packages/plugin-scalars \
//     --expose ./src/frontend/Dashboard.tsx --out packages/plugin-scalars/dist/frontend
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rspack } from '@rspack/core';
import { runRspack } from './federation-shared.mjs';
import { federatedRemoteConfig } from './remote-config.mjs';

const USAGE =
  'usage: node build-remote.mjs --name <remote_name> --root <plugin dir> --expose <./src/frontend/Dashboard.tsx> --out <dir> [--mode development]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      name: { type: 'string' },
      root: { type: 'string' },
      expose: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string', default: 'production' },
    },
  }));
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
const missing = ['name', 'root', 'expose', 'out'].filter((k) => !values[k]);
if (missing.length) {
  console.error(`missing ${missing.map((k) => `--${k}`).join(', ')}\n${USAGE}`);
  process.exit(2);
}
if (values.mode !== 'production' && values.mode !== 'development') {
  console.error(`--mode should be production or development, found '${values.mode}'`);
  process.exit(2);
}

try {
  const root = path.resolve(values.root);
  const started = Date.now();
  const config = federatedRemoteConfig({
    name: values.name,
    root,
    expose: values.expose,
    outDir: path.resolve(values.out),
    mode: values.mode,
  });
  await runRspack(rspack, config);
  console.log(`built remote ${values.name} into ${path.relative(process.cwd(), config.output.path) || '.'} in ${Date.now() - started} ms`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
