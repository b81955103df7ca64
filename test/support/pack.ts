/**
 * Packages as npm would deliver them: `pnpm pack` of workspace packages into a folder
 * outside the workspace, and a package.json's @tb/* dependencies pointed at those
 * tarballs (pnpm overrides, so transitive @tb/* dependencies come from them too). For
 * end-to-end tests of plugins built by their authors, outside the workspace.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './server.js';

const PNPM = ['-y', 'pnpm@9'];

/** Runs a command; a failure throws with its output. */
export function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, npm_config_loglevel: 'error', ...env } });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** Runs pnpm 9 (through npx) in `cwd`. */
export function pnpm(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return run('npx', [...PNPM, ...args], cwd, env);
}

/**
 * `pnpm pack`s `packages/<dir>` for each of `dirs` into `dest`; returns each package's
 * name with its tarball as a `file:` specifier (`{ '@tb/core': 'file:/tmp/.../tb-core-0.1.0.tgz' }`).
 */
export function packWorkspace(dirs: readonly string[], dest: string): Record<string, string> {
  mkdirSync(dest, { recursive: true });
  const packed: Record<string, string> = {};
  for (const dir of dirs) {
    pnpm(['pack', '--pack-destination', dest], path.join(ROOT, 'packages', dir));
    const name = JSON.parse(readFileSync(path.join(ROOT, 'packages', dir, 'package.json'), 'utf8')).name as string;
    const prefix = name.replace('@', '').replace('/', '-') + '-';
    const file = readdirSync(dest).find((f) => f.startsWith(prefix) && /^\d/.test(f.slice(prefix.length)));
    if (!file) throw new Error(`expected a tarball ${prefix}<version>.tgz in ${dest} after packing packages/${dir}, found ${readdirSync(dest).join(', ')}`);
    packed[name] = `file:${path.join(dest, file)}`;
  }
  return packed;
}

/**
 * Points the package.json in `dir` at the tarballs: each packed name among its dependencies
 * and devDependencies gets the tarball, and every packed name goes into `pnpm.overrides`.
 */
export function useTarballs(dir: string, packed: Readonly<Record<string, string>>): void {
  const file = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    pnpm?: { overrides?: Record<string, string> };
  };
  for (const deps of [pkg.dependencies, pkg.devDependencies]) {
    for (const name of Object.keys(deps ?? {})) if (packed[name]) deps![name] = packed[name]!;
  }
  pkg.pnpm = { ...pkg.pnpm, overrides: { ...pkg.pnpm?.overrides, ...packed } };
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}

/** `pnpm install` in `dir` from the store where it can, outside any workspace. */
export function installOutsideWorkspace(dir: string): void {
  pnpm(['install', '--prefer-offline', '--ignore-workspace', '--config.auto-install-peers=false'], dir);
}
