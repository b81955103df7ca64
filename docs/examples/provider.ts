/**
 * A DataProvider of your own: here, one that wraps another and counts the series reads
 * (for a metrics page). Any implementation is held to the contract by the conformance
 * suite, `describeDataProvider` from `@tb/core/testing/conformance` (see examples.test.ts).
 */
import type { DataProvider } from '@tb/core/plugin';

/** `inner`, with `reads()` telling how many series reads it answered. */
export function countingProvider(inner: DataProvider): DataProvider & { reads(): number } {
  let reads = 0;
  return {
    reads: () => reads,
    listRuns: () => inner.listRuns(),
    listPluginNames: () => inner.listPluginNames(),
    listTags: (pluginName, filter) => inner.listTags(pluginName, filter),
    readScalars: (pluginName, run, tag, o) => (reads++, inner.readScalars(pluginName, run, tag, o)),
    readTensors: (pluginName, run, tag, o) => (reads++, inner.readTensors(pluginName, run, tag, o)),
    readBlobSequences: (pluginName, run, tag, o) => (reads++, inner.readBlobSequences(pluginName, run, tag, o)),
    readBlob: (key) => inner.readBlob(key),
    listFiles: (pattern) => inner.listFiles(pattern),
    readFile: (path) => inner.readFile(path),
    readFileChunks: (path, o) => inner.readFileChunks(path, o),
  };
}
