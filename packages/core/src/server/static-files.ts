/**
 * Serving built frontends (the shell, each plugin's remote) from a directory: the
 * request path is resolved inside that directory or refused, never followed out of it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file to send: its bytes and headers. */
export interface StaticFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  /** Content-hashed assets may be cached for good; anything else is revalidated. */
  readonly cacheControl: string;
}

/** Reads `relPath` under `dir`; null when it does not exist or would leave `dir`. */
export async function readStatic(dir: string, relPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = path.resolve(dir);
  const full = path.resolve(root, `.${path.posix.sep}${decoded.replace(/^\/+/, '')}`);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    const st = await stat(full);
    if (!st.isFile()) return null;
    const ext = path.extname(full).toLowerCase();
    const name = path.basename(full);
    const hashed = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/.test(name);
    return {
      body: new Uint8Array(await readFile(full)),
      contentType: TYPES[ext] ?? 'application/octet-stream',
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
  } catch {
    return null;
  }
}
