/**
 * tb-plugin-build as a plugin author runs it: in a package outside this workspace that
 * holds nothing but a package.json and a Dashboard.tsx.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/tb-plugin-build.mjs', import.meta.url));

const DASHBOARD = `import { useState } from 'preact/hooks';
import type { DashboardProps } from '@tb/ui';

export default function Dashboard(props: DashboardProps) {
  const [clicks, setClicks] = useState(0);
  return <button onClick={() => setClicks(clicks + 1)}>{props.selectedRuns.length} runs, {clicks} clicks</button>;
}
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function build(args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-plugin-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), content);
}

describe('tb-plugin-build', () => {
  it('builds a package with only a package.json and a Dashboard.tsx into dist/frontend', async () => {
    write('package.json', JSON.stringify({ name: '@acme/tb-plugin-foo', version: '1.0.0', type: 'module' }));
    write('src/frontend/Dashboard.tsx', DASHBOARD);
    const run = await build([], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('built @acme/tb-plugin-foo (remote acme_tb_plugin_foo, ./src/frontend/Dashboard.tsx) into dist/frontend');

    const out = path.join(dir, 'dist/frontend');
    const manifest = JSON.parse(readFileSync(path.join(out, 'mf-manifest.json'), 'utf8')) as {
      name: string;
      metaData: { remoteEntry: { name: string } };
      exposes: { path: string }[];
      shared: { name: string }[];
    };
    expect(manifest.name).toBe('acme_tb_plugin_foo');
    expect(manifest.metaData.remoteEntry.name).toBe('remoteEntry.js');
    expect(manifest.exposes.map((e) => e.path)).toEqual(['./Dashboard']);
    expect(manifest.shared.map((s) => s.name).sort()).toEqual(['preact/hooks', 'preact/jsx-runtime']);
    expect(existsSync(path.join(out, 'remoteEntry.js'))).toBe(true);
    // Preact comes from the shell: the remote carries none of it.
    const js = readdirSync(out).filter((f) => f.endsWith('.js'));
    for (const f of js) expect(readFileSync(path.join(out, f), 'utf8')).not.toContain('__H');
  });

  it('takes --root and the dashboard named by tbPlugin.frontend', async () => {
    write('package.json', JSON.stringify({ name: 'tb-plugin-e2e-runs-echo', tbPlugin: { frontend: './src/Dashboard.tsx' } }));
    write('src/Dashboard.tsx', DASHBOARD);
    const run = await build(['--root', dir, '--mode', 'development'], tmpdir());
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/frontend/mf-manifest.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('tb_plugin_e2e_runs_echo');
  });

  it('reports a missing import with its file and line, and exits 1', async () => {
    write('package.json', JSON.stringify({ name: 'tb-plugin-broken' }));
    write('src/frontend/Dashboard.tsx', `import type { DashboardProps } from '@tb/ui';\nimport { helper } from './helper.js';\n\nexport default (p: DashboardProps) => <p>{helper(p)}</p>;\n`);
    const run = await build([], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("src/frontend/Dashboard.tsx:2:24: Module not found: Can't resolve './helper.js'");
  });

  it('says what is missing: package.json, or the dashboard', async () => {
    let run = await build([], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`tb-plugin-build: expected a package.json in ${dir}`);
    write('package.json', JSON.stringify({ name: 'tb-plugin-x' }));
    run = await build([], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`expected the dashboard module at ${path.join(dir, 'src/frontend/Dashboard.tsx')}`);
  });

  it('prints its usage for --help, and refuses unknown arguments with exit 2', async () => {
    const help = await build(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: tb-plugin-build [--root <plugin dir>]');
    const bad = await build(['--name', 'x'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--name'");
    const mode = await build(['--mode', 'fast'], dir);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain("--mode should be production or development, found 'fast'");
  });
});
