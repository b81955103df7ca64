import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model.js';
import { buildScopeTree, type ScopeNode, type SeriesNode } from './scope-tree.js';
import { formatRanges, groupSeries, numberedName, seriesLabel } from './series.js';
import { layeredGraph, node } from './test-graphs.js';

function grouped(nodes: Parameters<typeof buildGraphModel>[0], minSize?: number) {
  const tree = buildScopeTree(buildGraphModel(nodes));
  groupSeries(tree, minSize);
  return tree;
}

describe('numberedName and labels', () => {
  it('splits a name around its last number', () => {
    expect(numberedName('layer_11')).toEqual({ prefix: 'layer_', number: 11, suffix: '' });
    expect(numberedName('conv3')).toEqual({ prefix: 'conv', number: 3, suffix: '' });
    expect(numberedName('Linear[3]')).toEqual({ prefix: 'Linear[', number: 3, suffix: ']' });
    expect(numberedName('res2b_branch2a')).toEqual({ prefix: 'res2b_branch', number: 2, suffix: 'a' });
    expect(numberedName('dense')).toBeNull();
  });

  it('writes numbers as ranges', () => {
    expect(formatRanges([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe('0-11');
    expect(formatRanges([5, 6, 7, 1, 3])).toBe('1,3,5-7');
    expect(seriesLabel('layer_', [0, 1, 2], '')).toBe('layer_[0-2]');
    expect(seriesLabel('stage_', [0, 2, 4, 6, 8, 10, 114], '')).toBe('stage_[0,2,…,114]');
  });
});

describe('groupSeries', () => {
  it('groups layer_0 .. layer_11 of one structure into one series, in place of the first', () => {
    const tree = grouped(layeredGraph(12));
    const model = tree.byId.get('model') as ScopeNode;
    expect(model.children).toHaveLength(1);
    const series = model.children[0] as SeriesNode;
    expect(series.kind).toBe('series');
    expect(series.label).toBe('layer_[0-11]');
    expect(series.id).toBe('model/layer_[0-11]');
    expect(series.children.map((c) => c.label)).toEqual(Array.from({ length: 12 }, (_, i) => `layer_${i}`));
    expect(series.opCount).toBe(60);
    expect(series.opTypes.get('MatMul')).toBe(12);
    expect(series.children[3]!.parent).toBe(series);
    expect(tree.byId.get('model/layer_[0-11]')).toBe(series);
    // The ops still hang under their scopes.
    expect(tree.byId.get('model/layer_4/MatMul')!.parent).toBe(tree.byId.get('model/layer_4'));
  });

  it('sorts members by number, not by the order of names', () => {
    const nodes = [7, 2, 10, 1].flatMap((i) => [node(`conv${i}/w`, 'Const'), node(`conv${i}/op`, 'Conv2D', [`conv${i}/w`])]);
    const series = grouped(nodes).root.children[0] as SeriesNode;
    expect(series.label).toBe('conv[1-2,7,10]');
    expect(series.numbers).toEqual([1, 2, 7, 10]);
  });

  it('leaves scopes of another structure, prefix or too few members alone', () => {
    const nodes = [
      ...[0, 1, 2].flatMap((i) => [node(`block_${i}/a`, 'Add'), node(`block_${i}/b`, 'Mul')]),
      // block_3 differs in structure.
      node('block_3/a', 'Add'),
      node('other_0/a', 'Add'),
      node('other_1/a', 'Add'),
    ];
    const tree = grouped(nodes);
    expect(tree.root.children.map((c) => `${c.kind}:${c.label}`)).toEqual(['series:block_[0-2]', 'scope:block_3', 'scope:other_0', 'scope:other_1']);
    const two = grouped(nodes, 2);
    expect(two.root.children.map((c) => `${c.kind}:${c.label}`)).toEqual(['series:block_[0-2]', 'scope:block_3', 'series:other_[0-1]']);
  });

  it('groups blocks of the same shape even where an op type differs (a constant for a variable read)', () => {
    const nodes = [0, 1, 2, 3].flatMap((i) => [node(`stage_${i}/conv/filter`, i % 2 ? 'ReadVariableOp' : 'Const'), node(`stage_${i}/conv/Conv2D`, 'Conv2D', [`stage_${i}/conv/filter`])]);
    const tree = grouped(nodes);
    expect(tree.root.children.map((c) => `${c.kind}:${c.label}`)).toEqual(['series:stage_[0-3]']);
    // Structure colouring still tells them apart.
    const [even, odd] = (tree.root.children[0] as SeriesNode).children;
    expect(even!.signature).not.toBe(odd!.signature);
    expect(even!.shape).toBe(odd!.shape);
  });

  it('groups series inside series members too', () => {
    const nodes = [0, 1, 2].flatMap((l) => [0, 1, 2].flatMap((h) => [node(`layer_${l}/head_${h}/q`, 'MatMul'), node(`layer_${l}/head_${h}/k`, 'MatMul')]));
    const tree = grouped(nodes);
    const outer = tree.root.children[0] as SeriesNode;
    expect(outer.label).toBe('layer_[0-2]');
    const inner = outer.children[1]!.children[0] as SeriesNode;
    expect(inner.kind).toBe('series');
    expect(inner.id).toBe('layer_1/head_[0-2]');
  });
});
