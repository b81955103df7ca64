// `pnpm typecheck`: the Node-side sources and tests (root tsconfig.json), @tb/ui, the
// shell, plugin-kit's JavaScript (checkJs), and every plugin frontend (browser lib,
// Preact JSX), each with its own tsconfig.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, workspacePackages } from './workspace.mjs';

const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const projects = [
  'tsconfig.json',
  'packages/ui/tsconfig.json',
  'packages/shell/tsconfig.json',
  'packages/plugin-kit/tsconfig.json',
  ...workspacePackages().flatMap((p) => (p.frontendTsconfig ? [path.relative(ROOT, p.frontendTsconfig)] : [])),
];
let failed = 0;
for (const project of projects) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    failed++;
    console.error(`typecheck failed: ${project}`);
  }
}
process.exit(failed ? 1 : 0);
