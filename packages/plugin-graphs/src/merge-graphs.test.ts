import { describe, expect, it } from 'vitest';
import { mergeGraphDefs } from './merge-graphs.js';
import { build } from './proto/build.js';
import { newMsg } from './proto/message.js';
import { toTextFormat } from './proto/text-format.js';

const graph = (producer: number, fn: string) =>
  build('GraphDef', {
    node: [
      { name: 'x', op: 'Placeholder' },
      { name: 'call', op: 'PartitionedCall', input: ['x', '^x'], attr: { f: { func: { name: fn } } } },
    ],
    versions: { producer },
    library: { function: [{ signature: { name: fn } }], gradient: [{ function_name: fn, gradient_func: 'grad' }] },
  });

describe('mergeGraphDefs', () => {
  it('gives an empty graph for none and the graph itself for one', () => {
    expect(toTextFormat(mergeGraphDefs([]))).toBe('');
    const one = graph(1, 'f');
    expect(mergeGraphDefs([one])).toBe(one);
  });

  it('puts several side by side under graph_1/, graph_2/..., renaming functions and calls', () => {
    const merged = toTextFormat(mergeGraphDefs([graph(7, 'f'), graph(7, 'g')]));
    expect(merged).toContain('node {\n  name: "graph_1/x"\n  op: "Placeholder"\n}\n');
    expect(merged).toContain('  name: "graph_2/call"\n  op: "PartitionedCall"\n  input: "graph_2/x"\n  input: "graph_2/^x"\n');
    expect(merged).toContain('      func {\n        name: "graph_2_g"\n      }\n');
    expect(merged).toContain('  function {\n    signature {\n      name: "graph_1_f"\n    }\n  }\n');
    expect(merged).toContain('  gradient {\n    function_name: "graph_2_g"\n    gradient_func: "graph_2_grad"\n  }\n');
    expect(merged.startsWith('node {')).toBe(true);
    expect(merged).toContain('versions {\n  producer: 7\n}\n');
  });

  it('gives PartitionedCall an f naming only the prefix when it had none, as TensorBoard does', () => {
    const bare = build('GraphDef', { node: [{ name: 'c', op: 'PartitionedCall' }] });
    const merged = toTextFormat(mergeGraphDefs([bare, newMsg('GraphDef')]));
    expect(merged).toBe('node {\n  name: "graph_1/c"\n  op: "PartitionedCall"\n  attr {\n    key: "f"\n    value {\n      func {\n        name: "graph_1_"\n      }\n    }\n  }\n}\n');
  });

  it('refuses graphs of different producers', () => {
    expect(() => mergeGraphDefs([graph(7, 'f'), graph(8, 'g')])).toThrow(/different versions.*graph 2 has producer 8, the first 7/);
  });
});
