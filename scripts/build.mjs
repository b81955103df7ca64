// `pnpm build`: compiles every package (tsc -b, project references decide the order),
// copies @tb/ui's assets, builds the shell, then each plugin's federated frontend.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, workspacePackages } from './workspace.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const packages = workspacePackages();

run(process.execPath, [tsc, '-b', ...packages.flatMap((p) => (p.tsconfig ? [path.relative(ROOT, p.tsconfig)] : []))]);
run(process.execPath, ['packages/ui/scripts/copy-assets.mjs']);
run(process.execPath, ['packages/core/scripts/build-shell.mjs']);
for (const p of packages) {
  if (!p.remote) continue;
  const rel = path.relative(ROOT, p.dir);
  run(process.execPath, [
    'packages/core/scripts/build-remote.mjs',
    '--name', p.remote.name,
    '--root', rel,
    '--expose', p.remote.expose,
    '--out', `${rel}/dist/frontend`,
  ]);
}
