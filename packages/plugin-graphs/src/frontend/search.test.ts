import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model.js';
import { buildScopeTree } from './scope-tree.js';
import { expandTo, initialExpansion, revealPath, toggled } from './expansion.js';
import { searchTree } from './search.js';
import { groupSeries } from './series.js';
import { layeredGraph } from './test-graphs.js';
import { visibleGraph } from './visible-graph.js';

describe('search', () => {
  const model = buildGraphModel(layeredGraph(4));
  const tree = buildScopeTree(model);
  groupSeries(tree);

  it('matches full names of ops and scopes by regular expression, case-insensitively, scopes first', () => {
    const result = searchTree(tree, model, 'layer_2/(matmul|bias)');
    expect(result.hits.map((h) => `${h.kind}:${h.name}`)).toEqual(['op:model/layer_2/bias', 'op:model/layer_2/MatMul', 'op:model/layer_2/BiasAdd']);
    expect(result.hits[1]!.op).toBe('MatMul');
    expect(searchTree(tree, model, 'layer_\\d$').hits.map((h) => h.name)).toEqual(['model/layer_0', 'model/layer_1', 'model/layer_2', 'model/layer_3']);
  });

  it('limits the hits but counts them all, and reports an invalid pattern', () => {
    const result = searchTree(tree, model, 'layer', 5);
    expect(result.hits).toHaveLength(5);
    expect(result.total).toBe(1 + 4 + 4 * 5);
    expect(searchTree(tree, model, '(').error).toMatch(/Invalid regular expression/);
    expect(searchTree(tree, model, '').hits).toEqual([]);
  });

  it('opens every container above a match, the series included, so that it is on screen', () => {
    expect(revealPath(tree, 'model/layer_2/MatMul')).toEqual(['model', 'model/layer_[0-3]', 'model/layer_2']);
    const expanded = expandTo(tree, new Set(['other']), 'model/layer_2/MatMul');
    expect([...expanded]).toEqual(['other', 'model', 'model/layer_[0-3]', 'model/layer_2']);
    const graph = visibleGraph(tree, model, expanded);
    expect(graph.nodes.has('model/layer_2/MatMul')).toBe(true);
    // Only the path to the match opens: the other layers stay boxes.
    expect(graph.nodes.get('model/layer_1')!.expanded).toBe(false);
    expect(revealPath(tree, 'input')).toEqual([]);
    expect(revealPath(tree, 'no/such/op')).toEqual([]);
  });

  it('opens a lone top-level wrapper at first, and toggles one container without touching the others', () => {
    expect([...initialExpansion(tree)]).toEqual([]);
    const wrapped = buildScopeTree(buildGraphModel(layeredGraph(2).filter((n) => n.name.startsWith('model/'))));
    expect([...initialExpansion(wrapped)]).toEqual(['model']);
    const open = toggled(new Set(['model', 'model/layer_1']), 'model');
    expect([...open]).toEqual(['model/layer_1']);
    expect([...toggled(open, 'model')]).toEqual(['model/layer_1', 'model']);
  });
});
