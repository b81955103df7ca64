/**
 * Loads `@tb/demo`, the package that trains and writes the demo, for `tb-core demo` and
 * `tb-core serve` with no --logdir. @tb/core does not depend on it (an optional peer):
 * it is imported by name when asked for, and the little of it core uses is declared
 * here. Without it, the message says what to install and that --logdir needs no demo.
 */
import type { ComputeBackend } from '../compute/backend.js';
import { FlagError } from './flag-error.js';

/** What `writeDemo` reports (a subset of @tb/demo's `DemoReport`). */
export interface DemoReportShape {
  readonly seconds: number;
  readonly runs: readonly string[];
  readonly validationAccuracy: Readonly<Record<string, number>>;
}

/** What core uses of @tb/demo. */
export interface DemoModule {
  writeDemo(
    logdir: string,
    o: { readonly backend: ComputeBackend | 'auto'; readonly log: (line: string) => void },
  ): Promise<DemoReportShape>;
}

/** Imports a module by specifier; tests pass their own. */
export type Importer = (specifier: string) => Promise<unknown>;

const DEMO_PACKAGE = '@tb/demo';

/** Node's dynamic import, with a specifier TypeScript does not try to resolve. */
export const importModule: Importer = (specifier) => import(specifier);

/**
 * Imports @tb/demo. `needs` starts the message shown when it is not installed, e.g.
 * 'the demo command needs the @tb/demo package'.
 */
export async function loadDemo(needs: string, importer: Importer = importModule): Promise<DemoModule> {
  let loaded: unknown;
  try {
    loaded = await importer(DEMO_PACKAGE);
  } catch (err) {
    if (isNotInstalled(err)) {
      throw new FlagError(
        `${needs}, which is not installed: install it beside @tb/core with \`npm i ${DEMO_PACKAGE}\`. ` +
          'Your own logs need no demo: tb-core serve --logdir DIR',
      );
    }
    throw err;
  }
  const writeDemo = (loaded as { writeDemo?: unknown } | null)?.writeDemo;
  if (typeof writeDemo !== 'function') {
    throw new Error(`${DEMO_PACKAGE} should export a function writeDemo(logdir, options), found ${typeof writeDemo}; install a version that matches @tb/core`);
  }
  return loaded as DemoModule;
}

/** Whether `err` says @tb/demo itself is missing (not something it imports). */
function isNotInstalled(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === 'ERR_MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(`'${DEMO_PACKAGE}'`);
}
