import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlugin, DEFAULT_TB_VERSION, parseArgs } from '../lib/create.mjs';

const base = mkdtempSync(path.join(os.tmpdir(), 'create-tb-plugin-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('parseArgs', () => {
  it('derives the id and title from the folder, with defaults for the rest', () => {
    expect(parseArgs([path.join(base, 'my-plugin')])).toEqual({
      help: false,
      dir: path.join(base, 'my-plugin'),
      name: 'my-plugin',
      id: 'my_plugin',
      title: 'My plugin',
      pluginName: 'scalars',
      tbVersion: DEFAULT_TB_VERSION,
    });
    expect(DEFAULT_TB_VERSION).toBe('^0.1.0');
  });

  it('takes every option, as two words or with =, and drops a tb-plugin- prefix', () => {
    const o = parseArgs(['tb-plugin-x', '--id', 'x_y', '--title=Loss table', '--plugin-name', 'images', '--tb-version', '~0.1.2']);
    expect(o).toMatchObject({ name: 'x', id: 'x_y', title: 'Loss table', pluginName: 'images', tbVersion: '~0.1.2' });
  });

  it('says what was expected and what was found', () => {
    expect(() => parseArgs([])).toThrow('expected the folder to create, e.g. create-tb-plugin my-plugin; found none');
    expect(() => parseArgs(['a', 'b'])).toThrow('expected one folder, found a second: "b"');
    expect(() => parseArgs(['a', '--colour'])).toThrow('unknown option "--colour"');
    expect(() => parseArgs(['a', '--id'])).toThrow('--id needs a value, found none');
    expect(() => parseArgs(['My Plugin'])).toThrow(`found "My Plugin"`);
    expect(() => parseArgs(['a', '--id', 'A'])).toThrow('the plugin id should start with a lower-case letter, then up to 63 lower-case letters, digits, \'_\' or \'-\', found "A"');
    expect(() => parseArgs(['123'])).toThrow('found "" (made from the folder name; give one with --id)');
    expect(() => parseArgs(['a', '--title', 'say "hi"'])).toThrow('the title should be non-empty text');
    expect(() => parseArgs(['a', '--plugin-name', 'a b'])).toThrow('--plugin-name should be a summary plugin name');
    expect(() => parseArgs(['a', '--tb-version', 'next; rm'])).toThrow('--tb-version should be a version range such as ^0.1.0, found "next; rm"');
    expect(parseArgs(['--help'])).toEqual({ help: true });
  });
});

describe('createPlugin', () => {
  it('writes the template with every placeholder replaced and .gitignore named', () => {
    const dir = createPlugin(parseArgs([path.join(base, 'loss-table'), '--title', 'Loss table']));
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'src', 'test', 'tsconfig.json', 'tsconfig.test.json', 'vitest.config.ts']);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('tb-plugin-loss-table');
    expect(pkg.devDependencies['@tb/core']).toBe('^0.1.0');
    const metadata = readFileSync(path.join(dir, 'src/metadata.ts'), 'utf8');
    expect(metadata).toContain(`export const PLUGIN_ID = 'loss_table';`);
    expect(metadata).toContain(`export const TITLE = 'Loss table';`);
    expect(metadata).not.toMatch(/__[A-Z_]+__/);
  });

  it('refuses a folder that is not empty, and fills an empty one', () => {
    const full = path.join(base, 'full');
    createPlugin(parseArgs([full]));
    writeFileSync(path.join(base, 'a-file'), '');
    expect(() => createPlugin(parseArgs([full]))).toThrow(`expected a new or empty folder at ${full}, found one with 8 entries`);
    expect(() => createPlugin(parseArgs([path.join(base, 'a-file')]))).toThrow('found a file');
    const empty = path.join(base, 'empty');
    mkdirSync(empty);
    createPlugin(parseArgs([empty]));
    expect(existsSync(path.join(empty, 'src/index.ts'))).toBe(true);
  });
});
