import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model.js';
import { buildScopeTree } from './scope-tree.js';
import { node } from './test-graphs.js';
import { traceOf } from './trace.js';
import { visibleGraph } from './visible-graph.js';

const nodes = [
  node('x', 'Placeholder'),
  node('a/m1', 'MatMul', ['x']),
  node('a/m2', 'MatMul', ['a/m1']),
  node('b/add', 'Add', ['a/m2', '^init']),
  node('init', 'NoOp'),
  node('c', 'Relu', ['x']),
];

describe('traceOf', () => {
  const model = buildGraphModel(nodes);
  const tree = buildScopeTree(model);

  it('highlights an op\'s inputs and outputs and the edges, bridges included, that carry them', () => {
    const graph = visibleGraph(tree, model, new Set(['a']));
    const trace = traceOf(tree, model, graph, 'a/m2')!;
    expect(trace.shown).toBe('a/m2');
    expect([...trace.inputs]).toEqual(['a/m1']);
    expect([...trace.outputs]).toEqual(['b']);
    const edges = [...trace.edges].map((id) => (JSON.parse(id) as string[]).slice(0, 3).join(' ')).sort();
    expect(edges).toEqual([' a b', 'a a/m1 a/m2', 'a a/m2 ⟨out⟩']);
    expect([...trace.inner]).toEqual([]);
    expect([...traceOf(tree, model, graph, 'a')!.inner]).toEqual(['a/m1', 'a/m2']);
  });

  it('traces a collapsed scope as a whole, and a hidden op through the box that shows it', () => {
    const graph = visibleGraph(tree, model, new Set());
    const scope = traceOf(tree, model, graph, 'a')!;
    expect([...scope.inputs]).toEqual(['x']);
    expect([...scope.outputs]).toEqual(['b']);
    const hidden = traceOf(tree, model, graph, 'a/m1')!;
    expect(hidden.shown).toBe('a');
    expect([...hidden.inputs]).toEqual(['x']);
    // a/m1 feeds a/m2, inside the same box: nothing else lights up.
    expect([...hidden.outputs]).toEqual([]);
    expect(traceOf(tree, model, graph, 'nope')).toBeNull();
  });
});
