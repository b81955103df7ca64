/**
 * The path to the selection, `Graph › Sequential › Linear[1] › input.5`: each step selects
 * that scope and centres it; `Graph` clears the selection and fits the whole graph.
 */
import { ancestors, type TreeNode } from './scope-tree.js';

/** Props of {@link Breadcrumb}. */
export interface BreadcrumbProps {
  readonly node: TreeNode | null;
  readonly onSelect: (id: string) => void;
  readonly onRoot: () => void;
}

/** The selection's path, each step a link back up. */
export function Breadcrumb(props: BreadcrumbProps) {
  const path = props.node ? [...ancestors(props.node).slice(1), props.node] : [];
  return (
    <nav class="tb-graph__crumbs" aria-label="Selection path" data-testid="graph-breadcrumb">
      <button type="button" class="tb-graph__crumb" data-testid="crumb-root" onClick={props.onRoot} title="Show the whole graph">
        Graph
      </button>
      {path.map((n, i) => (
        <>
          <span class="tb-graph__crumb-sep" aria-hidden="true">
            ›
          </span>
          {i === path.length - 1 ? (
            <span class="tb-graph__crumb tb-graph__crumb--current" aria-current="location">
              {n.kind === 'series' ? `${n.label} (${n.children.length})` : n.label}
            </span>
          ) : (
            <button type="button" class="tb-graph__crumb" data-testid={`crumb-${n.id}`} onClick={() => props.onSelect(n.id)}>
              {n.kind === 'series' ? `${n.label} (${n.children.length})` : n.label}
            </button>
          )}
        </>
      ))}
    </nav>
  );
}
