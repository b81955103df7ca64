// The workspace's packages as the build sees them: every packages/<dir>/ with a
// tsconfig.build.json is compiled; every one with a plugin dashboard (package.json
// `tbPlugin.frontend`, or src/frontend/Dashboard.tsx) also gets its federated frontend
// built by tb-plugin-build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasPluginFrontend } from '@tb/plugin-kit/plugin-package';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ dir: string, name: string, tsconfig: string | null, pluginFrontend: boolean, frontendTsconfig: string | null }[]} */
export function workspacePackages() {
  const packagesDir = path.join(ROOT, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(packagesDir, d.name, 'package.json')))
    .map((d) => {
      const dir = path.join(packagesDir, d.name);
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const tsconfig = path.join(dir, 'tsconfig.build.json');
      const frontendTsconfig = path.join(dir, 'src/frontend/tsconfig.json');
      return {
        dir,
        name: pkg.name,
        tsconfig: existsSync(tsconfig) ? tsconfig : null,
        pluginFrontend: hasPluginFrontend(dir),
        frontendTsconfig: existsSync(frontendTsconfig) ? frontendTsconfig : null,
      };
    })
    .sort((a, b) => a.dir.localeCompare(b.dir));
}
