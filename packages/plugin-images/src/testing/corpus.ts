/**
 * Test support: the shared corpus, the real TensorBoard's recorded answers for it, and
 * this plugin hosted on a real app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuComputeRunner, createApp, LogRootMultiplexer, memoryLogger, type AppOptions } from '@tb/core';
import type { Hono } from 'hono';
import plugin from '../index.js';

/** /work/shared/corpus, from packages/plugin-images/src/testing/. */
export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');

export async function loadRoot(root: string): Promise<LogRootMultiplexer> {
  const mux = new LogRootMultiplexer({ logdir: path.join(CORPUS, root), reloadInterval: 0 });
  await mux.reload();
  return mux;
}

/** An app serving this plugin (and core) over `mux`. */
export function hostPlugin(mux: LogRootMultiplexer): Hono {
  const plugins: AppOptions['plugins'] = [{ plugin, deps: { data: mux.provider }, packageName: '@tb/plugin-images' }];
  return createApp({ mux, plugins, compute: new CpuComputeRunner(), logger: memoryLogger(), version: '0.1.0', pathPrefix: '', windowTitle: '', shellDir: null });
}

export interface ReferenceRequest {
  readonly method: string;
  readonly path: string;
  readonly query: readonly [string, string][];
  readonly status: number;
  readonly file: string;
}

/** The recorded GET requests of `root` whose path starts with one of `prefixes`. */
export function referenceRequests(root: string, ...prefixes: string[]): ReferenceRequest[] {
  const all = JSON.parse(readFileSync(path.join(CORPUS, 'reference', root, 'index.json'), 'utf8')) as ReferenceRequest[];
  return all.filter((r) => prefixes.some((p) => r.path.startsWith(p)));
}

export function referenceJson(root: string, request: ReferenceRequest): unknown {
  return JSON.parse(readFileSync(path.join(CORPUS, 'reference', root, request.file), 'utf8'));
}

export function referenceBytes(root: string, request: ReferenceRequest): Buffer {
  return readFileSync(path.join(CORPUS, 'reference', root, request.file));
}
