/**
 * The size and text of each box before layout: an op is a pill with its name, a collapsed
 * scope a box with its name and op count, a series a stacked box `layer_[0-11] (12)`, and
 * an expanded container a frame whose header holds its name and a collapse button.
 */
import type { TreeNode } from './scope-tree.js';
import { LABEL_FONT_PX, type MeasureText } from './text-width.js';

/** Box geometry in px. */
export const BOX = {
  opHeight: 24,
  scopeHeight: 42,
  seriesHeight: 46,
  /** Widest box; longer names are cut with an ellipsis. */
  maxWidth: 240,
  minWidth: 44,
  /** Room left and right of a label (a collapsed container also has its +/- button). */
  textPad: 12,
  buttonRoom: 22,
  /** An expanded container's header, and its padding around the children. */
  header: 30,
  padding: 14,
  /** Font of the second line (op count). */
  subFontPx: 10,
} as const;

/** What a box says. */
export interface BoxText {
  /** The name, cut to fit. */
  readonly label: string;
  /** The uncut name, for tooltips. */
  readonly fullLabel: string;
  /** The second line of a collapsed container (`12 ops`); null for ops. */
  readonly sublabel: string | null;
}

/** `1 op`, `12 ops`. */
export function opCountText(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'op' : 'ops'}`;
}

/** `text` cut with an ellipsis to at most `width` px. */
export function fitText(text: string, width: number, measure: MeasureText, fontPx = LABEL_FONT_PX): string {
  if (measure(text, fontPx) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`, fontPx) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** The text of a box (collapsed) or of an expanded container's header. */
export function boxText(node: TreeNode, measure: MeasureText): BoxText {
  const fullLabel = node.kind === 'series' ? `${node.label} (${node.children.length})` : node.label;
  const room = BOX.maxWidth - 2 * BOX.textPad - (node.kind === 'op' ? 0 : BOX.buttonRoom);
  return {
    label: fitText(fullLabel, room, measure),
    fullLabel,
    sublabel: node.kind === 'op' ? null : opCountText(node.opCount),
  };
}

/** The size of a collapsed box. */
export function boxSize(node: TreeNode, text: BoxText, measure: MeasureText): { width: number; height: number } {
  const labelWidth = measure(text.label);
  if (node.kind === 'op') {
    return { width: Math.round(Math.max(BOX.minWidth, labelWidth + 2 * BOX.textPad)), height: BOX.opHeight };
  }
  const sub = text.sublabel ? measure(text.sublabel, BOX.subFontPx) : 0;
  const width = Math.max(72, Math.max(labelWidth, sub) + 2 * BOX.textPad + BOX.buttonRoom);
  return { width: Math.round(Math.min(BOX.maxWidth, width)), height: node.kind === 'series' ? BOX.seriesHeight : BOX.scopeHeight };
}

/** The narrowest an expanded container may be, so its header fits. */
export function headerWidth(text: BoxText, measure: MeasureText): number {
  const sub = text.sublabel ? measure(text.sublabel, BOX.subFontPx) + 10 : 0;
  return Math.round(measure(text.label) + sub + 2 * BOX.textPad + BOX.buttonRoom);
}
