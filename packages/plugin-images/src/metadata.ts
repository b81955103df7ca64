/**
 * The images plugin's identity: its id, the summary plugin_name it reads, and its
 * version (from package.json, so the listing shows what is installed).
 */
import { readFileSync } from 'node:fs';

export const PLUGIN_ID = 'images';
export const PLUGIN_NAME = 'images';
export const REMOTE_NAME = 'tb_plugin_images';

/** This package's version. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
