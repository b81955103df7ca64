/**
 * Which containers are open: the first view, opening and closing one, and opening every
 * container above a node so that it is on screen (for search and for links in the panel).
 */
import { ancestors, isContainer, type ScopeTree } from './scope-tree.js';

/** How many lone wrappers the first view opens (a graph all under `model/`, say). */
const AUTO_OPEN_DEPTH = 3;

/**
 * The first view: everything collapsed, except that while the top level holds a single
 * container (and nothing else) it is opened, so the first screen is not one lone box.
 */
export function initialExpansion(tree: ScopeTree): Set<string> {
  const open = new Set<string>();
  let level = tree.root.children;
  for (let i = 0; i < AUTO_OPEN_DEPTH && level.length === 1; i++) {
    const only = level[0]!;
    if (!isContainer(only)) break;
    open.add(only.id);
    level = only.children;
  }
  return open;
}

/** `expanded` with `id` opened, or closed if it was open (what is inside stays as it was). */
export function toggled(expanded: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(expanded);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The containers to open (outermost first, the root left out) so that `id` is on screen. */
export function revealPath(tree: ScopeTree, id: string): string[] {
  const node = tree.byId.get(id);
  if (!node) return [];
  return ancestors(node)
    .filter((a) => a !== tree.root)
    .map((a) => a.id);
}

/** `expanded` with everything above `id` opened as well. */
export function expandTo(tree: ScopeTree, expanded: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(expanded);
  for (const a of revealPath(tree, id)) next.add(a);
  return next;
}
