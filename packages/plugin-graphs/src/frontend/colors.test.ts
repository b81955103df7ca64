import { describe, expect, it } from 'vitest';
import { createColoring, HEAT, NO_DATA, PALETTE, shortDeviceNames, structurePalette, UNIQUE_STRUCTURE } from './colors.js';
import { buildGraphModel } from './graph-model.js';
import { buildScopeTree, type TreeNode } from './scope-tree.js';
import { groupSeries } from './series.js';
import { layeredGraph, node } from './test-graphs.js';
import { visibleGraph } from './visible-graph.js';

function setup(nodes: Parameters<typeof buildGraphModel>[0], stats?: Parameters<typeof buildGraphModel>[1]) {
  const model = buildGraphModel(nodes, stats);
  const tree = buildScopeTree(model);
  groupSeries(tree);
  return { model, tree };
}

describe('colouring', () => {
  it('by structure: the commonest op types get distinct colours, repeated scopes share one, unique ones are grey-blue', () => {
    const { model, tree } = setup(layeredGraph(3));
    const palette = structurePalette(tree, model);
    expect(palette.ops.get('VariableV2')).toBe(PALETTE[0]);
    expect(new Set([...palette.ops.values()]).size).toBe(palette.ops.size);
    const graph = visibleGraph(tree, model, new Set(['model', 'model/layer_[0-2]']));
    const coloring = createColoring('structure', tree, model, graph);
    const paint = (id: string) => coloring.paint(tree.byId.get(id)!).fill;
    expect(paint('model/layer_0')).toBe(paint('model/layer_2'));
    expect(paint('model/layer_0')).not.toBe(UNIQUE_STRUCTURE);
    expect(paint('model')).toBe(UNIQUE_STRUCTURE);
    expect(coloring.legend.kind).toBe('categories');
  });

  it('by device: an op its device\'s colour, a scope over several devices in bands by share', () => {
    const { model, tree } = setup([
      { ...node('a/x', 'MatMul'), device: '/gpu:0' },
      { ...node('a/y', 'MatMul'), device: '/gpu:0' },
      { ...node('a/z', 'Add'), device: '/cpu:0' },
      node('b', 'NoOp'),
    ]);
    const coloring = createColoring('device', tree, model, visibleGraph(tree, model, new Set()));
    const bands = coloring.paint(tree.byId.get('a')!).bands!;
    expect(bands.map((b) => b.share)).toEqual([1 / 3, 2 / 3]);
    expect(coloring.paint(tree.byId.get('b')!).fill).toBe(NO_DATA);
    expect(coloring.legend.kind === 'categories' && coloring.legend.items.map((i) => i.label)).toEqual(['/cpu:0', '/gpu:0', 'no device']);
  });

  it('by compute time: darker for more, relative to the costliest box on screen; grey without run metadata', () => {
    const stats = { 'a/x': { computeMicros: 300, memoryBytes: 10, device: '' }, 'a/y': { computeMicros: 100, memoryBytes: 10, device: '' }, c: { computeMicros: 100, memoryBytes: 5, device: '' } };
    const { model, tree } = setup([node('a/x', 'MatMul'), node('a/y', 'MatMul'), node('c', 'Add'), node('d', 'NoOp')], stats);
    const coloring = createColoring('compute', tree, model, visibleGraph(tree, model, new Set()));
    const paint = (id: string) => coloring.paint(tree.byId.get(id) as TreeNode);
    expect(paint('a').fill).toBe(HEAT);
    expect(paint('a').fillOpacity).toBeCloseTo(0.88);
    expect(paint('c').fillOpacity).toBeCloseTo(0.08 + 0.8 / 4);
    expect(paint('d').fill).toBe(NO_DATA);
    expect(coloring.legend).toMatchObject({ kind: 'ramp', min: '0 µs', max: '400 µs' });
  });

  it('shortens device names to what tells them apart', () => {
    const long = ['/job:localhost/replica:0/task:0/device:CPU:0', '/job:localhost/replica:0/task:0/device:GPU:0'];
    expect([...shortDeviceNames(long).values()]).toEqual(['device:CPU:0', 'device:GPU:0']);
    expect([...shortDeviceNames(['/gpu:0']).values()]).toEqual(['/gpu:0']);
  });
});
