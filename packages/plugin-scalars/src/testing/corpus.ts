/**
 * Test support: the shared corpus of real log roots, the real TensorBoard's recorded
 * answers for them, and the scalars plugin hosted on a real app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuComputeRunner, createApp, LogRootMultiplexer, memoryLogger, type AppOptions } from '@tb/core';
import scalarsPlugin from '../index.js';
import type { Hono } from 'hono';

/** /work/shared/corpus, from packages/plugin-scalars/src/testing/. */
export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus');

/** A log root of the corpus, loaded once (no background reloads). Close it after. */
export async function loadRoot(root: string): Promise<LogRootMultiplexer> {
  const mux = new LogRootMultiplexer({ logdir: path.join(CORPUS, root), reloadInterval: 0 });
  await mux.reload();
  return mux;
}

/** An app serving the scalars plugin (and core) over `mux`, for `app.request(...)`. */
export function hostScalars(mux: LogRootMultiplexer): Hono {
  const plugins: AppOptions['plugins'] = [{ plugin: scalarsPlugin, deps: { data: mux.provider }, packageName: '@tb/plugin-scalars' }];
  return createApp({ mux, plugins, compute: new CpuComputeRunner(), logger: memoryLogger(), version: '0.1.0', pathPrefix: '', windowTitle: '', shellDir: null });
}

/** One request the real TensorBoard answered, from reference/<root>/index.json. */
export interface ReferenceRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query: readonly [string, string][];
  readonly form: Readonly<Record<string, string | readonly string[]>> | null;
  readonly status: number;
  readonly content_type: string;
  /** Relative to reference/<root>/. */
  readonly file: string;
}

/** The recorded requests of `root` whose path starts with `prefix`. */
export function referenceRequests(root: string, prefix: string): ReferenceRequest[] {
  const all = JSON.parse(readFileSync(path.join(CORPUS, 'reference', root, 'index.json'), 'utf8')) as ReferenceRequest[];
  return all.filter((r) => r.path.startsWith(prefix));
}

/** The recorded answer body of `request`, as text. */
export function referenceBody(root: string, request: ReferenceRequest): string {
  return readFileSync(path.join(CORPUS, 'reference', root, request.file), 'utf8');
}

/** Asks `app` what `request` asked the real TensorBoard: the same query or form. */
export function replay(app: Hono, request: ReferenceRequest): Promise<Response> {
  const url = `${request.path}?${new URLSearchParams(request.query.map(([k, v]): [string, string] => [k, v])).toString()}`;
  if (request.method === 'GET') return Promise.resolve(app.request(url));
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(request.form ?? {})) for (const one of typeof v === 'string' ? [v] : v) body.append(k, one);
  return Promise.resolve(app.request(url, { method: 'POST', body }));
}
