/**
 * The hierarchy TensorBoard's graph explorer shows: ops grouped by name scope (`a/b/c`
 * is op `c` in scope `b` in scope `a`). Each scope knows how many ops it holds, of which
 * types, and a structure signature that is equal for scopes built the same way whatever
 * their names (so `layer_0` and `layer_1` of a model match). An op whose name is also a
 * scope (`dense/MatMul` beside `dense/MatMul/ReadVariableOp`) goes inside that scope as
 * `(MatMul)`, as TensorBoard does.
 */
import type { GraphModel } from './graph-model.js';
import { hashText } from './hash.js';

/** An op: a leaf of the tree. */
export interface OpLeaf {
  readonly kind: 'op';
  readonly id: string;
  readonly label: string;
  parent: Container | null;
  /** Index in the model's ops. */
  readonly op: number;
}

/** A name scope. The root is the scope with id `''`. */
export interface ScopeNode {
  readonly kind: 'scope';
  readonly id: string;
  readonly label: string;
  parent: Container | null;
  children: TreeNode[];
  /** Ops inside, at any depth. */
  opCount: number;
  /** Op type -> count, at any depth. */
  opTypes: Map<string, number>;
  /** Equal for scopes of the same inner structure and op types (names ignored). */
  signature: string;
  /** Equal for scopes of the same nesting and op counts (names and op types ignored). */
  shape: string;
}

/** Sibling scopes that repeat one block (`layer_0` ... `layer_11`), shown as one box. */
export interface SeriesNode {
  readonly kind: 'series';
  readonly id: string;
  /** `layer_[0-11]`. */
  readonly label: string;
  parent: Container | null;
  /** The member scopes, by number. */
  children: ScopeNode[];
  readonly numbers: readonly number[];
  opCount: number;
  opTypes: Map<string, number>;
  /** The members' common signature. */
  signature: string;
}

/** Any node of the tree. */
export type TreeNode = OpLeaf | ScopeNode | SeriesNode;
/** A node that holds others and can be expanded. */
export type Container = ScopeNode | SeriesNode;

/** The whole hierarchy of a graph. */
export interface ScopeTree {
  readonly root: ScopeNode;
  /** Every node by id. */
  readonly byId: Map<string, TreeNode>;
  /** The leaf of each op, by op index. */
  readonly leaves: readonly OpLeaf[];
}

/** Whether a node holds others. */
export function isContainer(node: TreeNode): node is Container {
  return node.kind !== 'op';
}

function newScope(id: string, label: string, parent: ScopeNode | null): ScopeNode {
  return { kind: 'scope', id, label, parent, children: [], opCount: 0, opTypes: new Map(), signature: '', shape: '' };
}

/**
 * Builds the scope tree of `model` (series not grouped yet: see groupSeries). Children keep
 * the order in which the graph first names them.
 */
export function buildScopeTree(model: GraphModel): ScopeTree {
  const root = newScope('', 'Graph', null);
  const byId = new Map<string, TreeNode>([['', root]]);
  const scopeAt = (path: string): ScopeNode => {
    const found = byId.get(path);
    if (found?.kind === 'scope') return found;
    const slash = path.lastIndexOf('/');
    const parent = slash < 0 ? root : scopeAt(path.slice(0, slash));
    const scope = newScope(path, path.slice(slash + 1), parent);
    byId.set(path, scope);
    parent.children.push(scope);
    return scope;
  };
  // Every prefix of every name is a scope; a name's own scope exists only if another
  // name continues it.
  const scopeNames = new Set<string>();
  for (const op of model.ops) {
    for (let i = op.name.indexOf('/'); i >= 0; i = op.name.indexOf('/', i + 1)) scopeNames.add(op.name.slice(0, i));
  }
  const leaves: OpLeaf[] = [];
  model.ops.forEach((op, index) => {
    const slash = op.name.lastIndexOf('/');
    const leafName = op.name.slice(slash + 1);
    let parent: ScopeNode;
    let id: string;
    let label: string;
    if (scopeNames.has(op.name)) {
      parent = scopeAt(op.name);
      label = `(${leafName})`;
      id = `${op.name}/${label}`;
    } else {
      parent = slash < 0 ? root : scopeAt(op.name.slice(0, slash));
      label = leafName;
      id = op.name;
    }
    while (byId.has(id)) id += "'";
    const leaf: OpLeaf = { kind: 'op', id, label, parent, op: index };
    byId.set(id, leaf);
    parent.children.push(leaf);
    leaves.push(leaf);
  });
  summarize(root, model);
  return { root, byId, leaves };
}

/** Fills op counts, op types, signatures and shapes bottom-up. */
function summarize(scope: ScopeNode, model: GraphModel): void {
  const parts: string[] = [];
  const shapes: string[] = [];
  let ops = 0;
  for (const child of scope.children) {
    if (child.kind === 'op') {
      const type = model.ops[child.op]!.op;
      ops++;
      scope.opTypes.set(type, (scope.opTypes.get(type) ?? 0) + 1);
      parts.push(`o:${type}`);
    } else if (child.kind === 'scope') {
      summarize(child, model);
      scope.opCount += child.opCount;
      for (const [type, n] of child.opTypes) scope.opTypes.set(type, (scope.opTypes.get(type) ?? 0) + n);
      parts.push(`s:${child.signature}`);
      shapes.push(child.shape);
    }
  }
  scope.opCount += ops;
  parts.sort();
  shapes.sort();
  scope.signature = hashText(parts.join(','));
  scope.shape = hashText(`${ops}:${shapes.join(',')}`);
}

/** The chain of containers above `node`, outermost (the root) first. */
export function ancestors(node: TreeNode): Container[] {
  const out: Container[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out.reverse();
}

/** Every op leaf at any depth under `node` (the node itself when it is an op). */
export function opsUnder(node: TreeNode, out: number[] = []): number[] {
  if (node.kind === 'op') out.push(node.op);
  else for (const child of node.children) opsUnder(child, out);
  return out;
}
