/**
 * How boxes are coloured, as in TensorBoard's graph explorer: by structure (ops by op type,
 * scopes by their structure signature, so repeated blocks share a colour), by device (a
 * scope shows the share of its ops on each device as bands), or by compute time or memory
 * from the run metadata (darker is more, relative to the most costly box on screen). Each
 * mode has a legend.
 */
import type { GraphModel } from './graph-model.js';
import { formatBytes, formatMicros } from './format.js';
import { hashString } from './hash.js';
import type { ScopeTree, TreeNode } from './scope-tree.js';
import type { VisibleGraph } from './visible-graph.js';

/** What colours the boxes. */
export type ColorBy = 'structure' | 'device' | 'compute' | 'memory';
/** Every mode, in the order the toolbar offers them. */
export const COLOR_MODES: readonly ColorBy[] = ['structure', 'device', 'compute', 'memory'];

/** Categorical colours, readable as tinted fills in the light and the dark theme. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#17becf', '#8c6d31', '#6b6ecf'] as const;
/** Boxes without data for the mode (no device, no run metadata). */
export const NO_DATA = '#9e9e9e';
/** Scopes whose structure occurs only once (repeated structures get palette colours). */
export const UNIQUE_STRUCTURE = '#90a4ae';
/** The hue of the compute time and memory ramps. */
export const HEAT = '#e65100';
const CATEGORY_OPACITY = 0.24;

/**
 * Device names without the part they all share, for the legend:
 * `/job:localhost/replica:0/task:0/device:GPU:0` -> `device:GPU:0` when all start alike.
 */
export function shortDeviceNames(devices: readonly string[]): Map<string, string> {
  let common = devices.length > 1 ? devices[0]! : '';
  for (const d of devices) while (!d.startsWith(common)) common = common.slice(0, -1);
  // Only a shared path worth cutting (not a lone leading `/`).
  const cut = common.lastIndexOf('/') > 0 ? common.lastIndexOf('/') + 1 : 0;
  return new Map(devices.map((d) => [d, d.slice(cut) || d]));
}

/** The palette colour of a category, the same on every load. */
export function categoryColor(key: string): string {
  return PALETTE[hashString(key) % PALETTE.length]!;
}

/** How to paint one box. */
export interface BoxPaint {
  readonly fill: string;
  readonly fillOpacity: number;
  readonly stroke: string;
  /** Bands left to right (offsets in [0, 1]) for a scope spread over several devices. */
  readonly bands: readonly { readonly color: string; readonly share: number }[] | null;
}

/** One legend entry. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly count?: number;
}

/** The legend of a mode. */
export type Legend =
  | { readonly kind: 'categories'; readonly title: string; readonly items: readonly LegendItem[]; readonly more: number; readonly note: string | null }
  | { readonly kind: 'ramp'; readonly title: string; readonly color: string; readonly min: string; readonly max: string; readonly note: string | null };

/** The paint of every box and the legend, for one mode and one visible graph. */
export interface Coloring {
  paint(node: TreeNode): BoxPaint;
  readonly legend: Legend;
}

/** Totals under a node: compute, memory, op count per device. */
interface Summary {
  readonly compute: number;
  readonly memory: number;
  readonly hasStats: boolean;
  readonly devices: ReadonlyMap<string, number>;
}

const summaries = new WeakMap<ScopeTree, Map<TreeNode, Summary>>();
const structureColors = new WeakMap<ScopeTree, { ops: Map<string, string>; signatures: Map<string, string> }>();

/**
 * Palette colours of a tree: op types by how common they are (the most common get distinct
 * colours), and the signatures that more than one container shares, in tree order.
 */
export function structurePalette(tree: ScopeTree, model: GraphModel): { ops: ReadonlyMap<string, string>; signatures: ReadonlyMap<string, string> } {
  const found = structureColors.get(tree);
  if (found) return found;
  const ops = new Map<string, string>();
  const ranked = [...tree.root.opTypes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  ranked.forEach(([type], i) => ops.set(type, PALETTE[i % PALETTE.length]!));
  for (const op of model.ops) if (!ops.has(op.op)) ops.set(op.op, categoryColor(op.op));
  const counts = new Map<string, number>();
  const order: string[] = [];
  const visit = (node: TreeNode) => {
    if (node.kind === 'op') return;
    // A series is counted through its members.
    if (node.kind === 'scope') {
      if (!counts.has(node.signature)) order.push(node.signature);
      counts.set(node.signature, (counts.get(node.signature) ?? 0) + 1);
    }
    for (const child of node.children) visit(child);
  };
  for (const child of tree.root.children) visit(child);
  const signatures = new Map<string, string>();
  for (const sig of order) if ((counts.get(sig) ?? 0) > 1) signatures.set(sig, PALETTE[(signatures.size * 5 + 3) % PALETTE.length]!);
  const result = { ops, signatures };
  structureColors.set(tree, result);
  return result;
}

/** The totals of `node` (memoised per tree). */
export function summaryOf(tree: ScopeTree, model: GraphModel, node: TreeNode): Summary {
  let memo = summaries.get(tree);
  if (!memo) {
    memo = new Map();
    summaries.set(tree, memo);
  }
  const found = memo.get(node);
  if (found) return found;
  let summary: Summary;
  if (node.kind === 'op') {
    const op = model.ops[node.op]!;
    summary = { compute: op.stats?.computeMicros ?? 0, memory: op.stats?.memoryBytes ?? 0, hasStats: op.stats !== null, devices: new Map([[op.device, 1]]) };
  } else {
    let compute = 0;
    let memory = 0;
    let hasStats = false;
    const devices = new Map<string, number>();
    for (const child of node.children) {
      const s = summaryOf(tree, model, child);
      compute += s.compute;
      memory += s.memory;
      hasStats ||= s.hasStats;
      for (const [d, n] of s.devices) devices.set(d, (devices.get(d) ?? 0) + n);
    }
    summary = { compute, memory, hasStats, devices };
  }
  memo.set(node, summary);
  return summary;
}

const flat = (color: string, fillOpacity = CATEGORY_OPACITY): BoxPaint => ({ fill: color, fillOpacity, stroke: color, bands: null });

/** The colouring of `graph` in `mode`. */
export function createColoring(mode: ColorBy, tree: ScopeTree, model: GraphModel, graph: VisibleGraph): Coloring {
  const boxes = [...graph.nodes.values()].filter((v) => !v.expanded);
  if (mode === 'structure') {
    const palette = structurePalette(tree, model);
    const types = new Map<string, number>();
    for (const v of boxes) if (v.node.kind === 'op') types.set(model.ops[v.node.op]!.op, (types.get(model.ops[v.node.op]!.op) ?? 0) + 1);
    const sorted = [...types].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const opColor = (type: string) => palette.ops.get(type) ?? categoryColor(type);
    return {
      paint: (node) => flat(node.kind === 'op' ? opColor(model.ops[node.op]!.op) : (palette.signatures.get(node.signature) ?? UNIQUE_STRUCTURE)),
      legend: {
        kind: 'categories',
        title: 'Op type',
        items: sorted.slice(0, 8).map(([label, count]) => ({ label, color: opColor(label), count })),
        more: Math.max(0, sorted.length - 8),
        note: 'Scopes built the same way share a colour; grey-blue: a structure seen once.',
      },
    };
  }
  if (mode === 'device') {
    const colorOf = (device: string) => (device === '' ? NO_DATA : PALETTE[Math.max(0, model.devices.indexOf(device)) % PALETTE.length]!);
    const short = shortDeviceNames(model.devices);
    const items: LegendItem[] = model.devices.map((d) => ({ label: short.get(d) ?? d, color: colorOf(d) }));
    if (model.ops.some((o) => o.device === '')) items.push({ label: 'no device', color: NO_DATA });
    return {
      paint: (node) => {
        const devices = summaryOf(tree, model, node).devices;
        if (devices.size <= 1) return flat(colorOf([...devices.keys()][0] ?? ''));
        const total = [...devices.values()].reduce((a, b) => a + b, 0);
        const bands = [...devices].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([d, n]) => ({ color: colorOf(d), share: n / total }));
        return { fill: bands[0]!.color, fillOpacity: CATEGORY_OPACITY, stroke: 'var(--tb-text-muted)', bands };
      },
      legend: { kind: 'categories', title: 'Device', items: items.slice(0, 12), more: Math.max(0, items.length - 12), note: model.devices.length === 0 ? 'This graph names no devices.' : null },
    };
  }
  const value = (node: TreeNode) => {
    const s = summaryOf(tree, model, node);
    return s.hasStats ? (mode === 'compute' ? s.compute : s.memory) : null;
  };
  let max = 0;
  for (const v of boxes) max = Math.max(max, value(v.node) ?? 0);
  const format = mode === 'compute' ? formatMicros : formatBytes;
  return {
    paint: (node) => {
      const v = value(node);
      if (v === null) return flat(NO_DATA, 0.1);
      return flat(HEAT, 0.08 + 0.8 * (max > 0 ? v / max : 0));
    },
    legend: {
      kind: 'ramp',
      title: mode === 'compute' ? 'Compute time' : 'Memory',
      color: HEAT,
      min: format(0),
      max: format(max),
      note: model.hasStats ? 'Relative to the most costly box on screen; grey: no run metadata.' : 'This graph has no run metadata: pick a tag with a profile.',
    },
  };
}
