#!/usr/bin/env node
// The `tb-core` command: a shim into the built CLI, so installing works before a build.
import('../dist/cli/main.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
      console.error('tb-core: @tb/core is not built yet; run `pnpm run build` first.');
    } else {
      console.error(err);
    }
    process.exitCode = 1;
  });
