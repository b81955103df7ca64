// `pnpm build`: compiles every package (tsc -b, project references decide the order),
// copies @tb/ui's assets, builds the shell (@tb/shell), then each plugin's federated
// frontend with tb-plugin-build (@tb/plugin-kit), run in the plugin's directory.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, workspacePackages } from './workspace.mjs';

const run = (cmd, args, cwd = ROOT) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });
const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const pluginBuild = path.join(ROOT, 'packages/plugin-kit/bin/tb-plugin-build.mjs');
const packages = workspacePackages();

run(process.execPath, [tsc, '-b', ...packages.flatMap((p) => (p.tsconfig ? [path.relative(ROOT, p.tsconfig)] : []))]);
run(process.execPath, ['packages/ui/scripts/copy-assets.mjs']);
run(process.execPath, ['packages/shell/scripts/build.mjs']);
for (const p of packages) {
  if (p.pluginFrontend) run(process.execPath, [pluginBuild], p.dir);
}
