/** The Module view's tree (torch's `module` answer), flattened into the rows on screen. */

/** A column of the module table: `key` names the field of a {@link ModuleNode}. */
export interface KeyedColumn {
  readonly name: string;
  readonly type: string;
  readonly key: string;
}

/** One module and its submodules. */
export interface ModuleNode {
  readonly name: string;
  readonly id?: string;
  readonly children?: ModuleNode[];
  readonly [field: string]: unknown;
}

/** The `module` answer. */
export interface ModuleAnswer {
  readonly columns: KeyedColumn[];
  readonly data: ModuleNode[];
}

/** A visible row: the node, its depth and its tree id ("0", "0.2", …). */
export interface ModuleRow {
  readonly node: ModuleNode;
  readonly depth: number;
  readonly id: string;
  readonly hasChildren: boolean;
}

/** The rows shown when the nodes whose ids are in `open` are expanded (malformed nodes skipped). */
export function visibleModules(nodes: readonly ModuleNode[], open: ReadonlySet<string>, depth = 0, prefix = ''): ModuleRow[] {
  const rows: ModuleRow[] = [];
  nodes.forEach((node, i) => {
    if (typeof node !== 'object' || node === null || typeof node.name !== 'string') return;
    const id = prefix ? `${prefix}.${i}` : String(i);
    const kids = Array.isArray(node.children) ? node.children : [];
    rows.push({ node, depth, id, hasChildren: kids.length > 0 });
    if (kids.length > 0 && open.has(id)) rows.push(...visibleModules(kids, open, depth + 1, id));
  });
  return rows;
}
