import { describe, expect, it } from 'vitest';
import { edgeText } from './edge-text.js';
import { buildGraphModel } from './graph-model.js';
import { buildScopeTree } from './scope-tree.js';
import { node } from './test-graphs.js';
import { visibleGraph } from './visible-graph.js';

describe('edgeText', () => {
  const model = buildGraphModel([
    { ...node('x', 'Placeholder', [], [[-1, 784]]), dtype: 'float' },
    node('s', 'Split', ['x'], [[-1, 392], [-1, 392]]),
    node('a/one', 'Relu', ['s']),
    node('a/two', 'Relu', ['s:1', '^x']),
    node('a/three', 'Relu', ['s:1']),
    node('b', 'Identity', ['x']),
  ]);
  const graph = visibleGraph(buildScopeTree(model), model, new Set());
  const edge = (from: string, to: string, control = false) => graph.edges.find((e) => e.from === from && e.to === to && e.control === control)!;

  it('labels a line with its one tensor\'s shape', () => {
    expect(edgeText(model, edge('x', 'b'))).toEqual({ label: '?×784', details: ['1 tensor', 'x:0: float ?×784'] });
  });

  it('counts distinct tensors, and how often each is read', () => {
    const text = edgeText(model, edge('s', 'a'));
    expect(text.label).toBe('2 tensors');
    expect(text.details).toEqual(['2 tensors', 's:0: ?×392', 's:1: ?×392 (read 2×)']);
  });

  it('says control dependency for a dashed line, without a label', () => {
    expect(edgeText(model, edge('x', 'a', true))).toEqual({ label: null, details: ['control dependency'] });
  });
});
