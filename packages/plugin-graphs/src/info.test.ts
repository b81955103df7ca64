import { expect, it } from 'vitest';
import { MemoryProvider } from '@tb/core/testing';
import { infoImpl } from './info.js';

const blob = [{ step: 0, wallTime: 1, blobs: ['x'] }];
const content = (s: string) => new TextEncoder().encode(s);

it("says per run and tag which graphs exist, with TensorBoard's keys", () => {
  const data = new MemoryProvider()
    .addBlobSequences('a', '__run_graph__', blob, { pluginName: 'graphs' })
    .addBlobSequences('a', '__run_meta_graph__', blob, { pluginName: 'graphs' })
    .addBlobSequences('a', 'trace', blob, { pluginName: 'graph_run_metadata', pluginContent: content('1') })
    .addBlobSequences('a', 'step1', blob, { pluginName: 'graph_run_metadata' })
    .addBlobSequences('b', 'graph_only', blob, { pluginName: 'graph_run_metadata_graph', pluginContent: content('1') })
    .addBlobSequences('b', 'keras', blob, { pluginName: 'graph_keras_model', pluginContent: content('1') })
    .addBlobSequences('c', 'future', blob, { pluginName: 'graph_keras_model', pluginContent: content('2') })
    .addBlobSequences('c', 'odd', blob, { pluginName: 'graph_run_metadata', pluginContent: content('v2') })
    .addScalars('d', 'loss', [{ step: 0, wallTime: 1, value: 1 }]);
  expect(infoImpl(data)).toEqual({
    a: {
      run: 'a',
      run_graph: true,
      tags: {
        trace: { tag: 'trace', conceptual_graph: false, op_graph: true, profile: true },
        step1: { tag: 'step1', conceptual_graph: false, op_graph: false, profile: true },
      },
    },
    b: {
      run: 'b',
      run_graph: false,
      tags: {
        graph_only: { tag: 'graph_only', conceptual_graph: false, op_graph: true, profile: false },
        keras: { tag: 'keras', conceptual_graph: true, op_graph: false, profile: false },
      },
    },
  });
});

it('is empty for a log root without graphs, and lists a run for an empty tag as TensorBoard does', () => {
  expect(infoImpl(new MemoryProvider())).toEqual({});
  const data = new MemoryProvider().addBlobSequences('r', '', blob, { pluginName: 'graph_keras_model', pluginContent: content('1') });
  expect(infoImpl(data)).toEqual({ r: { run: 'r', run_graph: false, tags: {} } });
});
