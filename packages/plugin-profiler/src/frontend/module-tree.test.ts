import { describe, expect, it } from 'vitest';
import { visibleModules, type ModuleNode } from './module-tree.js';

const tree: ModuleNode[] = [
  { name: 'ResNet', host_duration: 10, children: [{ name: 'conv1', host_duration: 3 }, { name: 'layer1', host_duration: 5, children: [{ name: 'block0', host_duration: 4 }] }] },
  { name: 'Loss', host_duration: 1 },
];

describe('visibleModules', () => {
  it('shows only top-level modules until one opens', () => {
    expect(visibleModules(tree, new Set()).map((r) => r.node.name)).toEqual(['ResNet', 'Loss']);
  });
  it('shows the children of open nodes, indented', () => {
    const rows = visibleModules(tree, new Set(['0', '0.1']));
    expect(rows.map((r) => [r.node.name, r.depth, r.id])).toEqual([
      ['ResNet', 0, '0'],
      ['conv1', 1, '0.0'],
      ['layer1', 1, '0.1'],
      ['block0', 2, '0.1.0'],
      ['Loss', 0, '1'],
    ]);
    expect(rows.find((r) => r.node.name === 'layer1')!.hasChildren).toBe(true);
  });
  it('skips malformed nodes', () => {
    expect(visibleModules([null, { id: 'x' }, { name: 'ok' }] as unknown as ModuleNode[], new Set()).map((r) => r.node.name)).toEqual(['ok']);
  });
});
