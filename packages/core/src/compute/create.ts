/**
 * The one place that makes @tb/core's compute runner: a worker thread running tfjs on
 * the best backend present. Run from TypeScript sources (tests), where no built worker
 * module exists, it runs tfjs on the calling thread instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ComputeBackend } from './backend.js';
import type { ComputeRunner } from './runner.js';
import { TfjsComputeRunner } from './tfjs-runner.js';
import { WorkerComputeRunner } from './worker-runner.js';

/** Starts the compute runner; `prefer` names a backend to start from (default: the best present). */
export function createComputeRunner(prefer: ComputeBackend | 'auto' = 'auto'): ComputeRunner {
  const script = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(script))) return new WorkerComputeRunner(script, prefer);
  return new TfjsComputeRunner({ prefer });
}
