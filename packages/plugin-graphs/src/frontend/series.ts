/**
 * Groups repeated blocks into series, as TensorBoard's graph explorer does: sibling scopes
 * whose names differ only by a number (`conv1` ... `conv5`, `layer_0` ... `layer_11`,
 * `Linear[1]`, `Linear[3]`) and that are built the same way become one box, `layer_[0-11]`
 * with 12 members, that expands to the members. "The same way" is the scopes' shape: the
 * same nesting and the same number of ops at each place, whatever the op types (a block
 * that keeps a constant where the others read a variable still belongs).
 */
import type { ScopeNode, ScopeTree, SeriesNode, TreeNode } from './scope-tree.js';

/** The fewest members a series needs (fewer stay separate scopes). */
export const MIN_SERIES_SIZE = 3;

/** A name split around its last number: `layer_12` is `layer_`, 12, ``. */
export interface NumberedName {
  readonly prefix: string;
  readonly number: number;
  readonly suffix: string;
}

/** Splits `name` around its last run of digits; null when it has none. */
export function numberedName(name: string): NumberedName | null {
  const m = /^(.*?)(\d+)(\D*)$/.exec(name);
  if (!m) return null;
  return { prefix: m[1]!, number: Number(m[2]), suffix: m[3]! };
}

/**
 * The numbers as ranges: `0-11`, `1,3,5-7`.
 *
 * @example formatRanges([5, 6, 7, 1, 3]) // '1,3,5-7'
 */
export function formatRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(',');
}

/** Ranges kept in a label before the middle ones give way to `…`. */
const LABEL_RANGES = 4;

/**
 * The label of a series: `layer_[0-11]`; with many separate ranges, the first two and the
 * last: `stage_[0,2,…,114]`.
 */
export function seriesLabel(prefix: string, numbers: readonly number[], suffix: string): string {
  const parts = formatRanges(numbers).split(',');
  const ranges = parts.length > LABEL_RANGES ? [parts[0], parts[1], '…', parts[parts.length - 1]].join(',') : parts.join(',');
  return `${prefix}[${ranges}]${suffix}`;
}

/**
 * Replaces, in every scope of `tree`, each set of at least `minSize` numbered sibling
 * scopes of one shape by a series node (placed where its first member was). Shapes come from
 * buildScopeTree, so members' own series do not change them.
 */
export function groupSeries(tree: ScopeTree, minSize = MIN_SERIES_SIZE): void {
  const visit = (scope: ScopeNode) => {
    for (const child of scope.children) {
      if (child.kind === 'scope') visit(child);
    }
    groupChildren(tree, scope, minSize);
  };
  visit(tree.root);
}

function groupChildren(tree: ScopeTree, scope: ScopeNode, minSize: number): void {
  const groups = new Map<string, { scope: ScopeNode; name: NumberedName }[]>();
  for (const child of scope.children) {
    if (child.kind !== 'scope') continue;
    const name = numberedName(child.label);
    if (!name) continue;
    const key = `${name.prefix}\u0000${name.suffix}\u0000${child.shape}`;
    const list = groups.get(key) ?? [];
    list.push({ scope: child, name });
    groups.set(key, list);
  }
  const seriesOf = new Map<TreeNode, SeriesNode>();
  for (const list of groups.values()) {
    if (list.length < minSize) continue;
    const entries = list.map((e) => ({ scope: e.scope, number: e.name.number })).sort((a, b) => a.number - b.number);
    const { prefix, suffix } = list[0]!.name;
    const numbers = entries.map((e) => e.number);
    const label = seriesLabel(prefix, numbers, suffix);
    let id = scope.id === '' ? label : `${scope.id}/${label}`;
    while (tree.byId.has(id)) id += "'";
    const series: SeriesNode = {
      kind: 'series',
      id,
      label,
      parent: scope,
      children: entries.map((e) => e.scope),
      numbers,
      opCount: 0,
      opTypes: new Map(),
      signature: entries[0]!.scope.signature,
    };
    for (const member of series.children) {
      member.parent = series;
      series.opCount += member.opCount;
      for (const [type, n] of member.opTypes) series.opTypes.set(type, (series.opTypes.get(type) ?? 0) + n);
      seriesOf.set(member, series);
    }
    tree.byId.set(id, series);
  }
  if (seriesOf.size === 0) return;
  const placed = new Set<SeriesNode>();
  const children: TreeNode[] = [];
  for (const child of scope.children) {
    const series = seriesOf.get(child);
    if (!series) children.push(child);
    else if (!placed.has(series)) {
      placed.add(series);
      children.push(series);
    }
  }
  scope.children = children;
}
