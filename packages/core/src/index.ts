/**
 * @tb/core: TensorBoard as a plugin framework. This entry is for programs that run
 * tb-core (its CLI, a server embedded elsewhere) and for the compute runner; it also
 * re-exports the plugin contract. A plugin imports `@tb/core/plugin` (and
 * `@tb/core/testing` in its tests); tools that read event files directly (benchmarks,
 * round-trip tests) import `@tb/core/events`.
 */
export * from './plugin.js';
export { consoleLogger, memoryLogger, silentLogger } from './logger.js';
export { serve, type Running, type ServeOptions } from './cli/serve.js';
export { parseServeFlags, FlagError, type ServeFlags } from './cli/flags.js';
export { CpuComputeRunner } from './compute/runner.js';
export { chooseBackend, parseBackend, BACKEND_ORDER, type Tfjs, type ChooseOptions } from './compute/backend.js';
export { createComputeRunner } from './compute/create.js';
