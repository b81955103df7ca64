import dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { buildGraphModel } from './graph-model.js';
import { createLayoutEngine, type DagreLike } from './layout-engine.js';
import { layoutSpecOf } from './layout-spec.js';
import type { LayoutGroupSpec } from './layout-types.js';
import { buildScene, midpoint, type SceneBox } from './scene.js';
import { buildScopeTree } from './scope-tree.js';
import { groupSeries } from './series.js';
import { layeredGraph, node } from './test-graphs.js';
import { estimateText } from './text-width.js';
import { visibleGraph } from './visible-graph.js';

const dagreLike = dagre as unknown as DagreLike;

function scene(nodes: Parameters<typeof buildGraphModel>[0], expanded: string[]) {
  const model = buildGraphModel(nodes);
  const tree = buildScopeTree(model);
  groupSeries(tree);
  const graph = visibleGraph(tree, model, new Set(expanded));
  const input = layoutSpecOf(graph, estimateText);
  const layout = createLayoutEngine(dagreLike).layoutTree(input.spec);
  return buildScene(graph, layout, input.texts);
}

const inside = (inner: SceneBox, outer: SceneBox) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: SceneBox, b: SceneBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('createLayoutEngine', () => {
  it('runs from its own source text alone, as the Worker runs it', () => {
    const make = new Function('dagre', `return (${createLayoutEngine.toString()})(dagre);`) as (d: DagreLike) => ReturnType<typeof createLayoutEngine>;
    const spec: LayoutGroupSpec = {
      id: '',
      nodes: [
        { id: 'a', width: 60, height: 24, group: null },
        { id: 'b', width: 60, height: 24, group: null },
      ],
      edges: [{ id: 'e', from: 'a', to: 'b', weight: 2 }],
      header: 10,
      padding: 10,
      minWidth: 0,
    };
    const out = make(dagreLike).layoutTree(spec);
    const [a, b] = out.nodes;
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(out.edges['e']!.length).toBeGreaterThanOrEqual(2);
  });

  it('places children inside their expanded containers, without overlaps, inputs above outputs', () => {
    const s = scene(layeredGraph(3), ['model', 'model/layer_[0-2]', 'model/layer_0', 'model/layer_1']);
    const boxes = s.boxes;
    for (const box of boxes) {
      const parent = box.vis.parent && s.byId.get(box.vis.parent.id);
      if (parent) expect(inside(box, parent), `${box.id} inside ${parent.id}`).toBe(true);
      for (const other of boxes) {
        if (other !== box && other.vis.parent === box.vis.parent) expect(overlap(box, other), `${box.id} / ${other.id}`).toBe(false);
      }
    }
    const y = (id: string) => s.byId.get(id)!.y;
    expect(y('input')).toBeLessThan(y('model'));
    expect(y('model')).toBeLessThan(y('loss'));
    expect(y('model/layer_0/MatMul')).toBeLessThan(y('model/layer_0/Relu'));
    expect(y('model/layer_0')).toBeLessThan(y('model/layer_1'));
  });

  it('joins an edge leaving an expanded container to the bridge inside it, at its border', () => {
    const s = scene(layeredGraph(2), ['model', 'model/layer_0']);
    const layer0 = s.byId.get('model/layer_0')!;
    const out = s.edges.find((e) => e.edge.from === 'model/layer_0' && e.edge.to === 'model/layer_1')!;
    const bridge = s.edges.find((e) => e.edge.container === 'model/layer_0' && e.edge.from === 'model/layer_0/Relu')!;
    expect(out.points[0]).toEqual(bridge.points[bridge.points.length - 1]);
    expect(out.points[0]!.y).toBeCloseTo(layer0.y + layer0.height, 5);
    const into = s.edges.find((e) => e.edge.container === 'model/layer_0' && e.edge.to === 'model/layer_0/MatMul' && e.edge.from !== 'model/layer_0/kernel')!;
    expect(into.points[0]!.y).toBeCloseTo(layer0.y, 5);
  });

  it('packs many unconnected children in a grid instead of one long row', () => {
    const nodes = [...Array.from({ length: 30 }, (_, i) => node(`c${i}`, 'Const')), node('x', 'Placeholder'), node('y', 'Relu', ['x'])];
    const s = scene(nodes, []);
    const rows = new Set(s.boxes.filter((b) => b.id.startsWith('c')).map((b) => Math.round(b.y)));
    expect(rows.size).toBeGreaterThan(3);
    expect(s.width).toBeLessThan(30 * 60);
    expect(s.byId.get('c0')!.x).toBeGreaterThan(s.byId.get('x')!.x);
  });

  it('reuses a cached layout but with the current insides of nested groups', () => {
    const engine = createLayoutEngine(dagreLike);
    const leaf = (id: string) => ({ id, width: 50, height: 20, group: null });
    const inner = (ids: string[]): LayoutGroupSpec => ({ id: 'g', nodes: ids.map(leaf), edges: [], header: 20, padding: 5, minWidth: 0 });
    const outer = (g: LayoutGroupSpec): LayoutGroupSpec => ({ id: '', nodes: [{ id: 'g', width: 0, height: 0, group: g }, leaf('z')], edges: [], header: 5, padding: 5, minWidth: 0 });
    const first = engine.layoutTree(outer(inner(['a', 'b'])));
    const second = engine.layoutTree(outer(inner(['c', 'd'])));
    expect(second.nodes[0]!.group!.nodes.map((n) => n.id)).toEqual(['c', 'd']);
    expect(second.width).toBe(first.width);
  });
});

describe('midpoint', () => {
  it('is halfway along the line', () => {
    expect(midpoint([{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 10, y: 10 }])).toEqual({ x: 0, y: 10 });
    expect(midpoint([{ x: 0, y: 0 }, { x: 4, y: 0 }])).toEqual({ x: 2, y: 0 });
  });
});
