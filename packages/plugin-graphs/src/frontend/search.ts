/**
 * Search by name: a regular expression (as @tb/ui compiles it) matched against every op's
 * and scope's full name (expansion.ts opens the scopes above a match).
 */
import { compileFilter } from '@tb/ui';
import type { GraphModel } from './graph-model.js';
import type { ScopeTree, TreeNode } from './scope-tree.js';

/** One match. */
export interface SearchHit {
  readonly id: string;
  /** The full name: the op's name, or the scope's path. */
  readonly name: string;
  readonly kind: TreeNode['kind'];
  /** The op type of an op. */
  readonly op: string | null;
}

/** The matches of a pattern, at most `limit` of `total`. */
export interface SearchResult {
  readonly hits: readonly SearchHit[];
  readonly total: number;
  /** The engine's message when the pattern is not a valid regular expression. */
  readonly error: string | null;
}

/** The full name a search matches for `node`. */
export function searchName(node: TreeNode, model: GraphModel): string {
  return node.kind === 'op' ? model.ops[node.op]!.name : node.id;
}

/**
 * Every op, scope and series whose full name matches `pattern` (case-insensitive), in tree
 * order, scopes before what they hold. An empty pattern matches nothing.
 */
export function searchTree(tree: ScopeTree, model: GraphModel, pattern: string, limit = 50): SearchResult {
  if (pattern.trim() === '') return { hits: [], total: 0, error: null };
  const filter = compileFilter(pattern);
  if (filter.error) return { hits: [], total: 0, error: filter.error };
  const hits: SearchHit[] = [];
  let total = 0;
  const visit = (node: TreeNode) => {
    if (node !== tree.root) {
      const name = searchName(node, model);
      if (filter.test(name)) {
        total++;
        if (hits.length < limit) hits.push({ id: node.id, name, kind: node.kind, op: node.kind === 'op' ? model.ops[node.op]!.op : null });
      }
    }
    if (node.kind !== 'op') for (const child of node.children) visit(child);
  };
  visit(tree.root);
  return { hits, total, error: null };
}
