/**
 * create-tb-plugin: the argument parse and the scaffold. The template is real files under
 * ../template/; `__NAME__`, `__ID__`, `__TITLE__`, `__PLUGIN_NAME__` and `__TB_VERSION__`
 * in them are replaced, and `_gitignore` becomes `.gitignore` (npm drops a published
 * `.gitignore`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The template folder shipped with this package. */
export const TEMPLATE_DIR = path.join(HERE, '..', 'template');
const OWN = JSON.parse(readFileSync(path.join(HERE, '..', 'package.json'), 'utf8'));

/** The @tb/* range a new plugin depends on: this package's own version, as a caret range. */
export const DEFAULT_TB_VERSION = `^${OWN.version}`;

/** tb-core's rule for plugin ids (PLUGIN_ID_PATTERN in @tb/core/plugin). */
const ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
/** A package name's last part, as npm takes it (lower case, no spaces, at most 214 in all). */
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** A summary plugin name, as writers give it (`scalars`, `images`, `my_plugin`). */
const PLUGIN_NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
/** A semver range npm understands, loosely: digits, dots, operators, x, spaces. */
const RANGE_PATTERN = /^[\^~<>=\s\d.x*|-]+$|^workspace:|^file:|^latest$/;

/** What --help prints. */
export const USAGE = `Usage: create-tb-plugin <folder> [options]
       npm create tb-plugin@latest <folder> -- [options]
       pnpm create tb-plugin <folder> [options]

Scaffolds a tb-core plugin package in <folder>: package.json (tb-plugin-<name>), a route over
the DataProvider, a federated Preact dashboard, a unit test and a Chromium test, a README.

Options:
  --id ID              the plugin id, its routes under /data/plugin/ID/ (default: from the name)
  --title TEXT         the tab's title (default: from the name, e.g. "My plugin")
  --plugin-name NAME   the summaries it reads (default: scalars)
  --tb-version RANGE   the @tb/* version range it depends on (default: ${DEFAULT_TB_VERSION})
  -h, --help           print this
`;

const VALUED = { '--id': 'id', '--title': 'title', '--plugin-name': 'pluginName', '--tb-version': 'tbVersion' };

/**
 * The command line as options. Throws, saying what was expected and what was found, for an
 * unknown option, a missing value, a second folder or no folder.
 */
export function parseArgs(argv) {
  const raw = {};
  let folder;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { help: true };
    const eq = a.indexOf('=');
    const key = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (key in VALUED) {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (value.startsWith('--') && eq < 0)) throw new Error(`${key} needs a value, found none`);
      raw[VALUED[key]] = value;
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${JSON.stringify(a)}; expected one of ${Object.keys(VALUED).join(', ')}, --help`);
    } else if (folder === undefined) {
      folder = a;
    } else {
      throw new Error(`expected one folder, found a second: ${JSON.stringify(a)}`);
    }
  }
  if (folder === undefined) throw new Error('expected the folder to create, e.g. create-tb-plugin my-plugin; found none');
  return resolveOptions(folder, raw);
}

/** Fills the defaults and checks every name, with messages that show what is allowed. */
export function resolveOptions(folder, raw = {}) {
  const base = path.basename(path.resolve(folder));
  const name = base.startsWith('tb-plugin-') ? base.slice('tb-plugin-'.length) : base;
  if (!NAME_PATTERN.test(name) || name.length > 200) {
    throw new Error(
      `the folder's name makes the package name tb-plugin-<name>, so it should be lower-case letters, digits, '.', '_' or '-' (starting with a letter or digit), found ${JSON.stringify(base)}`,
    );
  }
  const id = raw.id ?? name.replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '');
  if (!ID_PATTERN.test(id)) {
    throw new Error(
      `the plugin id should start with a lower-case letter, then up to 63 lower-case letters, digits, '_' or '-', found ${JSON.stringify(id)}${raw.id === undefined ? ` (made from the folder name; give one with --id)` : ''}`,
    );
  }
  const title = raw.title ?? titleOf(name);
  if (title.trim() === '' || /[\n\r"\\<>`$]/.test(title)) {
    throw new Error(`the title should be non-empty text without quotes, backslashes, '<', '>', '\`', '$' or line breaks, found ${JSON.stringify(title)}`);
  }
  const pluginName = raw.pluginName ?? 'scalars';
  if (!PLUGIN_NAME_PATTERN.test(pluginName)) {
    throw new Error(`--plugin-name should be a summary plugin name such as scalars (letters, digits, '_', '.', '-'), found ${JSON.stringify(pluginName)}`);
  }
  const tbVersion = raw.tbVersion ?? DEFAULT_TB_VERSION;
  if (!RANGE_PATTERN.test(tbVersion)) {
    throw new Error(`--tb-version should be a version range such as ^0.1.0, found ${JSON.stringify(tbVersion)}`);
  }
  return { help: false, dir: path.resolve(folder), name, id, title, pluginName, tbVersion };
}

/** `my-plugin` as a title: `My plugin`. */
function titleOf(name) {
  const words = name.split(/[-_.]+/).filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Writes the template into `options.dir` with the placeholders replaced; returns the folder.
 * Refuses a folder that exists and is not empty.
 */
export function createPlugin(options) {
  const { dir } = options;
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`expected a new or empty folder at ${dir}, found a file`);
    const entries = readdirSync(dir);
    if (entries.length > 0) {
      throw new Error(`expected a new or empty folder at ${dir}, found one with ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}); choose another name`);
    }
  }
  const values = {
    __NAME__: options.name,
    __ID__: options.id,
    __TITLE__: options.title,
    __PLUGIN_NAME__: options.pluginName,
    __TB_VERSION__: options.tbVersion,
  };
  copyTemplate(TEMPLATE_DIR, dir, values);
  return dir;
}

function copyTemplate(from, to, values) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name === '_gitignore' ? '.gitignore' : entry.name);
    if (entry.isDirectory()) {
      copyTemplate(source, target, values);
    } else {
      const text = readFileSync(source, 'utf8').replace(/__(NAME|ID|TITLE|PLUGIN_NAME|TB_VERSION)__/g, (m) => values[m]);
      writeFileSync(target, text);
    }
  }
}
