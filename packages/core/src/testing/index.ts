/**
 * `@tb/core/testing`: what a plugin's tests need. Host a plugin on the real app over any
 * DataProvider, an in-memory DataProvider, the test corpus with the real TensorBoard's
 * answers. The DataProvider conformance suite (it needs vitest) is its own entry,
 * `@tb/core/testing/conformance`.
 *
 * @example
 * import { hostPlugin, MemoryProvider } from '@tb/core/testing';
 */
export { hostPlugin, type HostPluginOptions, type TestApp } from './host-plugin.js';
export { MemoryProvider, type MemoryTagOptions } from './memory-provider.js';
/** The in-thread compute runner `hostPlugin` uses by default, to call or wrap in a test. */
export { CpuComputeRunner } from '../compute/runner.js';
export {
  corpusDir,
  corpusPath,
  loadLogRoot,
  referenceRequests,
  referenceBytes,
  referenceText,
  referenceJson,
  replayRequest,
  replay,
  type LoadedLogRoot,
  type ReferenceRequest,
} from './corpus.js';
