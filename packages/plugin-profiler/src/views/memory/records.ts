/**
 * Memory records and the operator tree they belong to, flattened into plain arrays:
 * each `[memory]` event is given to the innermost host node of its thread that spans
 * it (torch-tb-profiler's MemoryParser walk), and frees inherit the operator of the
 * allocation at the same address.
 */
import { isOperatorNode } from '../../model/nodes.js';
import type { MemoryEvent, OperatorNode, ThreadTree } from '../../model/types.js';

/** One allocation (bytes > 0) or free (bytes < 0). */
export interface MemoryRecord {
  readonly ts: number;
  /** 'CPU', 'GPU<id>', or null for an unknown device type. */
  readonly device: string | null;
  readonly bytes: number;
  /** NaN when not written. */
  readonly totalAllocated: number;
  readonly totalReserved: number;
  /** The block's address; null in traces before PyTorch 1.10. */
  readonly addr: number | string | null;
  /** The operator that allocated it (frees: that of their allocation); null when none. */
  opName: string | null;
  /** That operator's parent host node. */
  parentOpName: string | null;
}

/** A host node of the flattened trees. */
export interface MemoryNode {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** An operator of the operator view ({@link isOperatorNode}). */
  readonly isOp: boolean;
  /** The walk reached it (its memory figures are known). */
  readonly reached: boolean;
  /** Indexes of its children in the node list. */
  readonly children: number[];
  /** Indexes of the records it holds itself. */
  readonly records: number[];
}

/** The flattened trees: `roots` index the top-level nodes of each thread. */
export interface MemoryTree {
  readonly nodes: MemoryNode[];
  readonly roots: number[];
  /** All records, in time order. */
  readonly records: MemoryRecord[];
}

function deviceName(e: MemoryEvent): string | null {
  if (e.deviceType === 0) return 'CPU';
  if (e.deviceType === 1) return `GPU${e.deviceId}`;
  return null;
}

function addressOf(v: unknown): number | string | null {
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

/** Assigns `events` to the nodes of `trees` and flattens both. */
export function buildMemoryTree(trees: readonly ThreadTree[], events: readonly MemoryEvent[]): MemoryTree {
  const order = events.map((_, i) => i).sort((a, b) => events[a]!.ts - events[b]!.ts || a - b);
  const records: MemoryRecord[] = order.map((i) => {
    const e = events[i]!;
    return {
      ts: e.ts, device: deviceName(e), bytes: e.bytes, totalAllocated: e.totalAllocated,
      totalReserved: e.totalReserved, addr: addressOf(e.addr), opName: null, parentOpName: null,
    };
  });

  const owned = new Map<OperatorNode, number[]>();
  const reached = new Set<OperatorNode>();
  const byTid = new Map<string, number[]>();
  records.forEach((_, i) => {
    const tid = String(events[order[i]!]!.tid);
    let list = byTid.get(tid);
    if (!list) byTid.set(tid, (list = []));
    list.push(i);
  });
  const treeOf = new Map(trees.map((t) => [String(t.tid), t.root]));

  for (const [tid, list] of byTid) {
    let node: OperatorNode | undefined = treeOf.get(tid);
    let child = 0;
    const stack: [OperatorNode, number][] = [];
    if (node) reached.add(node);
    let k = 0;
    while (k < list.length) {
      const r = records[list[k]!]!;
      if (!node || r.ts < node.startTime) { k++; continue; }
      if (r.ts >= node.endTime) {
        const up = stack.pop();
        node = up?.[0];
        child = up ? up[1] + 1 : 0;
        continue;
      }
      let cur: OperatorNode = node;
      while (child < cur.children.length) {
        const c: OperatorNode = cur.children[child]!;
        if (r.ts < c.startTime) break;
        if (r.ts >= c.endTime) child++;
        else {
          reached.add(c);
          stack.push([cur, child]);
          cur = c;
          child = 0;
        }
      }
      node = cur;
      if (isOperatorNode(cur)) {
        let mine = owned.get(cur);
        if (!mine) owned.set(cur, (mine = []));
        mine.push(list[k]!);
        if (r.bytes > 0) {
          r.opName = cur.name;
          const parent = stack[stack.length - 1];
          if (parent) r.parentOpName = parent[0].name;
        }
      }
      k++;
    }
  }

  // A free takes the operator of the allocation it releases.
  const allocAt = new Map<number | string, MemoryRecord>();
  for (const r of records) {
    if (r.addr === null) continue;
    if (r.bytes > 0) allocAt.set(r.addr, r);
    else {
      const a = allocAt.get(r.addr);
      if (a) {
        r.opName = a.opName;
        r.parentOpName = a.parentOpName;
        allocAt.delete(r.addr);
      }
    }
  }

  const nodes: MemoryNode[] = [];
  const flatten = (n: OperatorNode): number => {
    const index = nodes.length;
    const children: number[] = [];
    nodes.push({ name: n.name, start: n.startTime, end: n.endTime, isOp: isOperatorNode(n), reached: reached.has(n), children, records: owned.get(n) ?? [] });
    for (const c of n.children) children.push(flatten(c));
    return index;
  };
  const roots: number[] = [];
  for (const t of trees) for (const c of t.root.children) roots.push(flatten(c));
  return { nodes, roots, records };
}
