#!/usr/bin/env node
// `npm create tb-plugin@latest my-plugin`: scaffolds a tb-core plugin package.
import { createPlugin, parseArgs, USAGE } from '../lib/create.mjs';

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`create-tb-plugin: ${err.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
try {
  const dir = createPlugin(options);
  process.stdout.write(nextSteps(dir, options));
} catch (err) {
  process.stderr.write(`create-tb-plugin: ${err.message}\n`);
  process.exit(1);
}

function nextSteps(dir, o) {
  const rel = process.cwd() === dir ? '.' : dir.startsWith(process.cwd() + '/') ? dir.slice(process.cwd().length + 1) : dir;
  return `Created tb-plugin-${o.name} in ${rel}: the tab "${o.title}" (id ${o.id}, reads ${o.pluginName} summaries).

Next steps:
  cd ${rel}
  pnpm install        # or npm install
  pnpm run build      # dist/ and the dashboard in dist/frontend/
  pnpm test           # the route, then the tab in Chromium (/usr/bin/chromium or $TB_CHROMIUM)

Then, beside @tb/core: npm i tb-plugin-${o.name} && npx tb-core serve --logdir LOGS
`;
}
