/**
 * Chooses the tfjs backend for heavy numeric work, best first:
 * `@tensorflow/tfjs-node-gpu` (only where a CUDA GPU is present), `@tensorflow/tfjs-node`,
 * `@tensorflow/tfjs-backend-wasm`, then tfjs's plain CPU backend. The tfjs-node packages
 * are not dependencies of @tb/core (their installers download libtensorflow, which fails,
 * with stack traces, on machines without that access): where someone added them, they
 * are used; where not, an import that fails moves on to the next backend, and a short
 * reason, with the command that would add the package, is kept for the log and
 * /data/environment.
 */
import { hasCudaGpu } from './gpu.js';

/** Which backend does the work. */
export type ComputeBackend = 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';

/** Backends in the order they are tried. */
export const BACKEND_ORDER: readonly ComputeBackend[] = ['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'];

/** The tfjs namespace (what `import * as tf from '@tensorflow/tfjs'` gives). */
export type Tfjs = typeof import('@tensorflow/tfjs');

/** The backend chosen and why the better ones were passed over. */
export interface BackendInfo {
  readonly backend: ComputeBackend;
  /** Better backends that could not be used, each with the reason. */
  readonly skipped: readonly { readonly backend: ComputeBackend; readonly reason: string }[];
}

export interface ChooseOptions {
  /** `auto` (default) tries every backend in order; a name starts the order there. */
  readonly prefer?: ComputeBackend | 'auto';
  /** Imports a module by specifier; injectable for tests. */
  readonly importer?: (specifier: string) => Promise<unknown>;
  /** Whether a CUDA GPU is present; injectable for tests. */
  readonly cudaGpu?: () => boolean;
}

/** Parses a `--compute_backend` value; throws a RangeError naming the choices. */
export function parseBackend(value: string): ComputeBackend | 'auto' {
  if (value === 'auto' || (BACKEND_ORDER as readonly string[]).includes(value)) return value as ComputeBackend | 'auto';
  throw new RangeError(`compute backend should be auto, ${BACKEND_ORDER.join(', ')}; found '${value}'`);
}

/**
 * Loads tfjs on the best backend present and returns it with what was chosen.
 * @example const { tf, info } = await chooseBackend(); // info.backend === 'wasm' here
 */
export async function chooseBackend(o: ChooseOptions = {}): Promise<{ tf: Tfjs; info: BackendInfo }> {
  const importer = o.importer ?? ((s: string) => import(s));
  const start = o.prefer && o.prefer !== 'auto' ? BACKEND_ORDER.indexOf(o.prefer) : 0;
  const skipped: { backend: ComputeBackend; reason: string }[] = [];
  for (const backend of BACKEND_ORDER.slice(start)) {
    try {
      const tf = await load(backend, importer, o.cudaGpu ?? hasCudaGpu);
      return { tf, info: { backend, skipped } };
    } catch (err) {
      skipped.push({ backend, reason: reasonOf(backend, err) });
    }
  }
  throw new Error(`no tfjs backend could be loaded: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
}

async function load(backend: ComputeBackend, importer: (s: string) => Promise<unknown>, cudaGpu: () => boolean): Promise<Tfjs> {
  switch (backend) {
    case 'tfjs-node-gpu':
      if (!cudaGpu()) throw new Error('no CUDA GPU found');
      return activate(await namespace(importer, '@tensorflow/tfjs-node-gpu'), 'tensorflow');
    case 'tfjs-node':
      return activate(await namespace(importer, '@tensorflow/tfjs-node'), 'tensorflow');
    case 'wasm': {
      const tf = await namespace(importer, '@tensorflow/tfjs');
      await importer('@tensorflow/tfjs-backend-wasm');
      return activate(tf, 'wasm');
    }
    case 'cpu':
      return activate(await namespace(importer, '@tensorflow/tfjs'), 'cpu');
  }
}

async function namespace(importer: (s: string) => Promise<unknown>, specifier: string): Promise<Tfjs> {
  const mod = (await importer(specifier)) as Tfjs & { default?: Tfjs };
  // CommonJS builds come through `import()` with the namespace on `default`.
  return typeof mod.setBackend === 'function' ? mod : (mod.default as Tfjs);
}

async function activate(tf: Tfjs, name: string): Promise<Tfjs> {
  // Production mode: no per-op debug checks, and no console advice to install
  // tfjs-node (we chose the backend knowingly and say why in one log line).
  tf.enableProdMode();
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend '${name}' did not initialize`);
  await tf.ready();
  return tf;
}

const PACKAGE: Partial<Record<ComputeBackend, string>> = {
  'tfjs-node-gpu': '@tensorflow/tfjs-node-gpu',
  'tfjs-node': '@tensorflow/tfjs-node',
};

/**
 * Why `backend` could not be used, in one calm line: "not installed (on a CUDA machine:
 * pnpm add @tensorflow/tfjs-node-gpu)" rather than a resolver's stack trace.
 */
export function reasonOf(backend: ComputeBackend, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const pkg = PACKAGE[backend];
  const message = firstLine(err);
  if (pkg && (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (package|module) '@tensorflow\/tfjs-node/.test(message))) {
    return backend === 'tfjs-node-gpu' ? `not installed (on a CUDA machine: pnpm add ${pkg})` : `not installed (for native CPU speed: pnpm add ${pkg})`;
  }
  if (pkg && /tfjs_binding\.node|native addon/i.test(message)) {
    return `installed without its native addon (its installer could not download libtensorflow); reinstall ${pkg} where that host is reachable`;
  }
  return message;
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 300);
}
