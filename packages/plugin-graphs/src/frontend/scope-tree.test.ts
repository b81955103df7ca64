import { describe, expect, it } from 'vitest';
import { buildGraphModel, formatShape, parseInput } from './graph-model.js';
import { ancestors, buildScopeTree, opsUnder, type ScopeNode } from './scope-tree.js';
import { node } from './test-graphs.js';

const treeOf = (nodes: Parameters<typeof buildGraphModel>[0]) => buildScopeTree(buildGraphModel(nodes));

describe('parseInput', () => {
  it('reads plain, indexed, control and function-body inputs', () => {
    expect(parseInput('a/b')).toEqual({ name: 'a/b', output: 0, control: false });
    expect(parseInput('split:2')).toEqual({ name: 'split', output: 2, control: false });
    expect(parseInput('^init')).toEqual({ name: 'init', output: 0, control: true });
    expect(parseInput('while/body:output:1')).toEqual({ name: 'while/body', output: 1, control: false });
  });
});

describe('formatShape', () => {
  it('writes sizes with ×, ? for unknown sizes and ranks, scalar for rank 0', () => {
    expect(formatShape([1, 784])).toBe('1×784');
    expect(formatShape([-1, 10])).toBe('?×10');
    expect(formatShape([])).toBe('scalar');
    expect(formatShape(null)).toBe('?');
  });
});

describe('buildScopeTree', () => {
  it('nests ops by name scope, in the order the graph first names them', () => {
    const tree = treeOf([node('a/b/c', 'Add'), node('a/d', 'Mul'), node('e', 'Const'), node('a/b/f', 'Add')]);
    expect(tree.root.children.map((c) => c.id)).toEqual(['a', 'e']);
    const a = tree.byId.get('a') as ScopeNode;
    expect(a.kind).toBe('scope');
    expect(a.children.map((c) => `${c.kind}:${c.label}`)).toEqual(['scope:b', 'op:d']);
    expect((tree.byId.get('a/b') as ScopeNode).children.map((c) => c.id)).toEqual(['a/b/c', 'a/b/f']);
    expect(ancestors(tree.byId.get('a/b/c')!).map((s) => s.id)).toEqual(['', 'a', 'a/b']);
  });

  it('counts ops and op types at every depth', () => {
    const tree = treeOf([node('a/b/c', 'Add'), node('a/d', 'Mul'), node('e', 'Const'), node('a/b/f', 'Add')]);
    const a = tree.byId.get('a') as ScopeNode;
    expect(a.opCount).toBe(3);
    expect([...a.opTypes]).toEqual([['Add', 2], ['Mul', 1]]);
    expect(tree.root.opCount).toBe(4);
    expect(opsUnder(a).sort()).toEqual([0, 1, 3]);
  });

  it('puts an op whose name is also a scope inside that scope, as (name)', () => {
    const tree = treeOf([node('dense/MatMul', 'MatMul', ['dense/MatMul/ReadVariableOp']), node('dense/MatMul/ReadVariableOp', 'ReadVariableOp')]);
    const scope = tree.byId.get('dense/MatMul') as ScopeNode;
    expect(scope.kind).toBe('scope');
    expect(scope.children.map((c) => `${c.kind}:${c.label}`).sort()).toEqual(['op:(MatMul)', 'op:ReadVariableOp']);
    const leaf = tree.leaves[0]!;
    expect(leaf.id).toBe('dense/MatMul/(MatMul)');
    expect(leaf.parent).toBe(scope);
  });

  it('gives equal signatures to scopes built the same way, whatever their names', () => {
    const tree = treeOf([
      node('l0/w', 'Const'), node('l0/mm', 'MatMul'), node('l0/act/relu', 'Relu'),
      node('l1/kernel', 'Const'), node('l1/MatMul', 'MatMul'), node('l1/x/y', 'Relu'),
      node('l2/w', 'Const'), node('l2/mm', 'MatMul'), node('l2/relu', 'Relu'),
    ]);
    const sig = (id: string) => (tree.byId.get(id) as ScopeNode).signature;
    expect(sig('l0')).toBe(sig('l1'));
    // Same op counts, other structure: the Relu is not in a sub-scope.
    expect(sig('l2')).not.toBe(sig('l0'));
  });

  it('keeps duplicate and odd names apart', () => {
    const tree = treeOf([node('x', 'A'), node('x', 'B'), node('/lead', 'C')]);
    expect(tree.leaves.map((l) => l.id)).toEqual(['x', "x'", '/lead']);
    expect(new Set(tree.leaves.map((l) => l.id)).size).toBe(3);
  });
});
