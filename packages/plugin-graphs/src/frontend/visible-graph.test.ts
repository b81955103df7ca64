import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model.js';
import { buildScopeTree } from './scope-tree.js';
import { groupSeries } from './series.js';
import { layeredGraph, node } from './test-graphs.js';
import { IN_ANCHOR, OUT_ANCHOR, visibleGraph, type AggregatedEdge } from './visible-graph.js';

function setup(nodes: Parameters<typeof buildGraphModel>[0]) {
  const model = buildGraphModel(nodes);
  const tree = buildScopeTree(model);
  groupSeries(tree);
  return { model, tree, view: (expanded: string[]) => visibleGraph(tree, model, new Set(expanded)) };
}

/** Edges as `container: from -> to (count)`, anchors written as <in>/<out>, control as ~>. */
function describeEdges(edges: readonly AggregatedEdge[]): string[] {
  const name = (id: string) => (id === IN_ANCHOR ? '<in>' : id === OUT_ANCHOR ? '<out>' : id);
  return edges.map((e) => `${e.container || '/'}: ${name(e.from)} ${e.control ? '~>' : '->'} ${name(e.to)} (${e.opEdges.length})`).sort();
}

const nodes = [
  node('x', 'Placeholder'),
  node('a/m1', 'MatMul', ['x']),
  node('a/m2', 'MatMul', ['x', 'a/m1']),
  node('a/inner/r', 'Relu', ['a/m2']),
  node('b/add', 'Add', ['a/m2', 'a/inner/r', '^init']),
  node('init', 'NoOp'),
];

describe('visibleGraph', () => {
  it('shows the root children as boxes and aggregates edges between them, counting op edges', () => {
    const { view } = setup(nodes);
    const g = view([]);
    expect(g.root.children.map((c) => `${c.id}${c.expanded ? '+' : ''}`)).toEqual(['x', 'a', 'b', 'init']);
    expect(describeEdges(g.edges)).toEqual(['/: a -> b (2)', '/: init ~> b (1)', '/: x -> a (2)']);
    expect(g.repOf.map((r) => r.id)).toEqual(['x', 'a', 'a', 'a', 'b', 'init']);
  });

  it('draws edges into an expanded scope at the top level and as bridges inside it', () => {
    const { view } = setup(nodes);
    const g = view(['a']);
    expect(g.nodes.get('a')!.expanded).toBe(true);
    expect(g.nodes.get('a')!.children.map((c) => c.id)).toEqual(['a/m1', 'a/m2', 'a/inner']);
    expect(describeEdges(g.edges)).toEqual([
      '/: a -> b (2)',
      '/: init ~> b (1)',
      '/: x -> a (2)',
      'a: <in> -> a/m1 (1)',
      'a: <in> -> a/m2 (1)',
      'a: a/inner -> <out> (1)',
      'a: a/m1 -> a/m2 (1)',
      'a: a/m2 -> <out> (1)',
      'a: a/m2 -> a/inner (1)',
    ]);
  });

  it('bridges through every expanded level between an op and the level where its edge is drawn', () => {
    const { view } = setup(nodes);
    const g = view(['a', 'a/inner', 'b']);
    expect(describeEdges(g.edges).filter((e) => e.includes('inner'))).toEqual([
      'a/inner: <in> -> a/inner/r (1)',
      'a/inner: a/inner/r -> <out> (1)',
      'a: a/inner -> <out> (1)',
      'a: a/m2 -> a/inner (1)',
    ]);
    expect(describeEdges(g.edges).filter((e) => e.startsWith('b:'))).toEqual(['b: <in> -> b/add (2)', 'b: <in> ~> b/add (1)']);
  });

  it('hides the inside of a scope whose parent is collapsed, even if it is marked expanded', () => {
    const { view } = setup(nodes);
    const g = view(['a/inner']);
    expect(g.nodes.has('a/inner')).toBe(false);
    expect(g.nodes.get('a')!.expanded).toBe(false);
  });

  it('treats a series as one box, expandable to its members', () => {
    const { view } = setup(layeredGraph(4));
    const collapsed = view(['model']);
    expect(collapsed.nodes.get('model')!.children.map((c) => c.id)).toEqual(['model/layer_[0-3]']);
    // Edges between layers stay inside the series box; input -> series, series -> loss.
    expect(describeEdges(collapsed.edges)).toEqual([
      '/: init ~> loss (1)',
      '/: input -> model (1)',
      '/: model -> loss (1)',
      'model: <in> -> model/layer_[0-3] (1)',
      'model: model/layer_[0-3] -> <out> (1)',
    ]);
    const open = view(['model', 'model/layer_[0-3]']);
    expect(describeEdges(open.edges).filter((e) => e.startsWith('model/layer_[0-3]:'))).toEqual([
      'model/layer_[0-3]: <in> -> model/layer_0 (1)',
      'model/layer_[0-3]: model/layer_0 -> model/layer_1 (1)',
      'model/layer_[0-3]: model/layer_1 -> model/layer_2 (1)',
      'model/layer_[0-3]: model/layer_2 -> model/layer_3 (1)',
      'model/layer_[0-3]: model/layer_3 -> <out> (1)',
    ]);
  });

  it('keeps the op edges of each drawn edge, and drops edges inside one box', () => {
    const { model, view } = setup(nodes);
    const g = view([]);
    const ab = g.edges.find((e) => e.from === 'a' && e.to === 'b')!;
    expect(ab.opEdges.map((i) => `${model.ops[model.edges[i]!.from]!.name}->${model.ops[model.edges[i]!.to]!.name}`)).toEqual(['a/m2->b/add', 'a/inner/r->b/add']);
    // a/m1 -> a/m2 and a/m2 -> a/inner/r are inside box a.
    expect(g.edges.reduce((n, e) => n + e.opEdges.length, 0)).toBe(model.edges.length - 2);
  });
});
