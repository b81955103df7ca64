/**
 * The test corpus: real log directories written by PyTorch and TensorBoard's writers,
 * with the real TensorBoard's recorded answers (`reference/<root>/index.json`). It lives
 * in the repository at `test/corpus/`; `TB_CORPUS` names another copy.
 *
 * @example
 * const { provider, close } = await loadLogRoot(corpusPath('mnist-like'));
 * for (const request of referenceRequests('mnist-like', '/data/plugin/scalars/')) ...
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { DataProvider } from '../multiplexer/data-provider.js';
import { LogRootMultiplexer } from '../multiplexer/multiplexer.js';
import type { SamplesPerPlugin } from '../multiplexer/samples.js';
import { silentLogger } from '../logger.js';

const MARKER = path.join('test', 'corpus', 'README.md');

/**
 * The corpus folder: `$TB_CORPUS`, else the first `test/corpus/` above the current
 * directory or above this file (so a plugin's tests find the repository's copy).
 */
export function corpusDir(): string {
  const fromEnv = process.env['TB_CORPUS'];
  if (fromEnv) return path.resolve(fromEnv);
  for (const start of [process.cwd(), path.dirname(fileURLToPath(import.meta.url))]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, MARKER))) return path.join(dir, 'test', 'corpus');
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error(`the test corpus was not found: expected test/corpus/README.md above ${process.cwd()}, or TB_CORPUS naming a copy`);
}

/** A path inside the corpus, e.g. `corpusPath('edge', 'restart')`. */
export function corpusPath(...parts: string[]): string {
  return path.join(corpusDir(), ...parts);
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

/** The recorded requests of `root` whose path starts with one of `prefixes` (all when none). */
export function referenceRequests(root: string, ...prefixes: string[]): ReferenceRequest[] {
  const all = JSON.parse(readFileSync(corpusPath('reference', root, 'index.json'), 'utf8')) as ReferenceRequest[];
  return prefixes.length === 0 ? all : all.filter((r) => prefixes.some((p) => r.path.startsWith(p)));
}

/** The recorded answer of `request`, as bytes (bodies over 1 MB are stored as `<file>.gz`). */
export function referenceBytes(root: string, request: ReferenceRequest): Buffer {
  const file = corpusPath('reference', root, request.file);
  return existsSync(file) ? readFileSync(file) : gunzipSync(readFileSync(`${file}.gz`));
}

/** The recorded answer of `request`, as text. */
export function referenceText(root: string, request: ReferenceRequest): string {
  return referenceBytes(root, request).toString('utf8');
}

/** The recorded answer of `request`, parsed as JSON. */
export function referenceJson(root: string, request: ReferenceRequest): unknown {
  return JSON.parse(referenceText(root, request));
}

/** The URL and request init that ask what `request` asked the real TensorBoard. */
export function replayRequest(request: ReferenceRequest): { url: string; init: RequestInit } {
  const url = `${request.path}?${new URLSearchParams(request.query.map(([k, v]): [string, string] => [k, v])).toString()}`;
  if (request.method === 'GET') return { url, init: {} };
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(request.form ?? {})) for (const one of typeof v === 'string' ? [v] : v) body.append(k, one);
  return { url, init: { method: 'POST', body } };
}

/** Asks `app` (e.g. a {@link hostPlugin} app) what `request` asked the real TensorBoard. */
export function replay(app: { request(url: string, init?: RequestInit): Response | Promise<Response> }, request: ReferenceRequest): Promise<Response> {
  const { url, init } = replayRequest(request);
  return Promise.resolve(app.request(url, init));
}

/** A log directory read once through the real multiplexer. Call `close` after. */
export interface LoadedLogRoot {
  readonly provider: DataProvider;
  close(): Promise<void>;
}

/** Reads the log directory `dir` in full (no background reloads), as `tb-core serve` would. */
export async function loadLogRoot(dir: string, o: { samplesPerPlugin?: SamplesPerPlugin } = {}): Promise<LoadedLogRoot> {
  const mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0, logger: silentLogger, ...(o.samplesPerPlugin ? { samplesPerPlugin: o.samplesPerPlugin } : {}) });
  await mux.reload();
  return { provider: mux.provider, close: () => mux.close() };
}
