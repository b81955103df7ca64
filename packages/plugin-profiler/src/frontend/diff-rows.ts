/**
 * The rows of the operator comparison: a diff node's baseline and experiment aggregates
 * matched by operator name (an operator on one side only counts zero on the other), each
 * measure with its delta and relative delta.
 */
import type { DiffAgg, DiffNode } from './api.js';

/** The measures compared per operator. */
export const DIFF_MEASURES = ['calls', 'host_duration', 'self_host_duration', 'device_duration', 'self_device_duration'] as const;
/** One compared measure. */
export type DiffMeasure = (typeof DIFF_MEASURES)[number];

/** Baseline, experiment, delta and delta % (NaN when the baseline is 0) of a measure. */
export interface Compared {
  readonly base: number;
  readonly exp: number;
  readonly delta: number;
  readonly deltaPct: number;
}

/** One operator's comparison. */
export type DiffRow = { readonly name: string } & Readonly<Record<DiffMeasure, Compared>>;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function compare(base: number, exp: number): Compared {
  return { base, exp, delta: exp - base, deltaPct: base === 0 ? Number.NaN : ((exp - base) / base) * 100 };
}

/** The comparison rows of `node`: baseline operators in their order, then experiment-only ones. */
export function diffRows(node: DiffNode): DiffRow[] {
  const right = new Map<string, DiffAgg>();
  for (const a of node.right?.aggs ?? []) if (a && typeof a.name === 'string') right.set(a.name, a);
  const seen = new Set<string>();
  const rows: DiffRow[] = [];
  const push = (name: string, l: Partial<DiffAgg> | undefined, r: Partial<DiffAgg> | undefined) => {
    seen.add(name);
    const row = { name } as Record<string, unknown>;
    for (const m of DIFF_MEASURES) row[m] = compare(num(l?.[m]), num(r?.[m]));
    rows.push(row as DiffRow);
  };
  for (const l of node.left?.aggs ?? []) if (l && typeof l.name === 'string' && !seen.has(l.name)) push(l.name, l, right.get(l.name));
  for (const [name, r] of right) if (!seen.has(name)) push(name, undefined, r);
  return rows;
}

/** A child's label in the comparison: its position and name ("3. Optimizer.step#SGD.step"). */
export function childLabels(children: readonly DiffNode[]): string[] {
  return children.map((c, i) => `${i + 1}. ${c.left?.name ?? c.right?.name ?? '?'}`);
}
