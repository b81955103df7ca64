/**
 * The histograms plugin's identity: its id, the summary plugin_name it reads, and its
 * version (from package.json, so the listing shows what is installed).
 */
import { readFileSync } from 'node:fs';

/** The plugin id, its route prefix (/data/plugin/histograms/) and the plugin_name it reads. */
export const PLUGIN_ID = 'histograms';
export const PLUGIN_NAME = 'histograms';
export const REMOTE_NAME = 'tb_plugin_histograms';

/** This package's version. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
