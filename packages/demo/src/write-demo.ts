/**
 * The demo as `tb-core demo` runs it: loads tfjs on the best backend present (through
 * @tb/core's `chooseBackend`: tfjs-node-gpu, tfjs-node, WebAssembly, then plain
 * JavaScript), says which one and why not the better ones, then writes the logs.
 */
import { chooseBackend, type BackendInfo, type ComputeBackend } from '@tb/core';
import { runDemo, type DemoReport, type DemoSize } from './demo.js';

/** How {@link writeDemo} runs; every field may be left out. */
export interface WriteDemoOptions {
  /** The backend to start the search from; `auto` (the default) tries the best first. */
  readonly backend?: ComputeBackend | 'auto';
  /** Progress lines, e.g. `adam epoch 5/5: loss 0.1234 ...`. */
  readonly log?: (line: string) => void;
  /** Smaller sizes for tests; the full demo by default. */
  readonly size?: DemoSize;
}

/**
 * Trains the demo and writes its logs into `logdir` (new or empty).
 *
 * @example
 * const report = await writeDemo('demo-logs', { log: console.log });
 */
export async function writeDemo(logdir: string, o: WriteDemoOptions = {}): Promise<DemoReport> {
  const log = o.log ?? (() => {});
  const { tf, info } = await chooseBackend({ prefer: o.backend ?? 'auto' });
  log(`training with tfjs on ${backendLine(info)}`);
  return runDemo({ logdir, tf, backend: info, log, size: o.size });
}

/** `wasm (passed over: tfjs-node-gpu, no CUDA GPU found; ...)`. */
function backendLine(info: BackendInfo): string {
  if (info.skipped.length === 0) return info.backend;
  return `${info.backend} (passed over: ${info.skipped.map((s) => `${s.backend}, ${s.reason}`).join('; ')})`;
}
