import dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { createLayoutClient, layoutInChunks } from './layout-client.js';
import { createLayoutEngine, type DagreLike } from './layout-engine.js';
import type { LayoutGroupSpec } from './layout-types.js';

const leaf = (id: string) => ({ id, width: 60, height: 24, group: null });
const spec: LayoutGroupSpec = {
  id: '',
  nodes: [
    leaf('x'),
    {
      id: 'g',
      width: 0,
      height: 0,
      group: { id: 'g', nodes: [leaf('a'), leaf('b')], edges: [{ id: 'ab', from: 'a', to: 'b', weight: 2 }, { id: 'in', from: '⟨in⟩', to: 'a', weight: 2 }], header: 30, padding: 14, minWidth: 80 },
    },
  ],
  edges: [{ id: 'xg', from: 'x', to: 'g', weight: 2 }],
  header: 14,
  padding: 14,
  minWidth: 0,
};

describe('layout off the Worker', () => {
  it('lays out one group at a time, innermost first, pausing between groups, as the whole tree at once does', async () => {
    const order: string[] = [];
    const engine = createLayoutEngine(dagre as unknown as DagreLike);
    const reference = createLayoutEngine(dagre as unknown as DagreLike).layoutTree(spec);
    let pauses = 0;
    const traced = { layoutGroup: (s: LayoutGroupSpec, c: Parameters<typeof engine.layoutGroup>[1]) => (order.push(s.id), engine.layoutGroup(s, c)), layoutTree: engine.layoutTree };
    const chunked = await layoutInChunks(traced, spec, async () => void pauses++);
    expect(order).toEqual(['g', '']);
    expect(pauses).toBe(2);
    expect(chunked).toEqual(reference);
    // The nested group's anchor sits on its top border, where the outer edge ends.
    expect(chunked.nodes[1]!.group!.inAnchor!.y).toBe(0);
  });

  it('falls back to the main thread where there is no Worker', async () => {
    const client = createLayoutClient(false);
    expect(client.mode()).toBe('main-thread');
    const layout = await client.layout(spec);
    expect(layout.nodes.map((n) => n.id)).toEqual(['x', 'g']);
    expect(layout.nodes[1]!.y).toBeGreaterThan(layout.nodes[0]!.y);
    client.dispose();
  });
});
