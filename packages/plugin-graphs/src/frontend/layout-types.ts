/**
 * What the layout takes and gives, as plain data (it crosses to a Web Worker): one group
 * per expanded container, its children (boxes of known size, or nested groups) and the
 * edges between them; back, each group's size with its children's centres and the edges'
 * points, in the group's own coordinates (origin at its top-left corner).
 */

/** A point in px. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A child of a group: a box of fixed size, or a nested group laid out first. */
export interface LayoutNodeSpec {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** Set for an expanded container: its size then comes from its own layout. */
  readonly group: LayoutGroupSpec | null;
}

/** An edge between two children, or between a child and the group's in/out anchor. */
export interface LayoutEdgeSpec {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** How strongly dagre keeps it short and straight. */
  readonly weight: number;
}

/** One expanded container to lay out. */
export interface LayoutGroupSpec {
  readonly id: string;
  readonly nodes: readonly LayoutNodeSpec[];
  readonly edges: readonly LayoutEdgeSpec[];
  /** Space above the children (the header), and around them. */
  readonly header: number;
  readonly padding: number;
  /** The narrowest the group may be (its header text). */
  readonly minWidth: number;
}

/** A child placed: its centre and size, and its own layout when it is a group. */
export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly group: GroupLayout | null;
}

/** One group laid out. */
export interface GroupLayout {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  /** Edge id -> its points, first at the source. */
  readonly edges: Readonly<Record<string, readonly Point[]>>;
  /** Where edges from outside enter (top border) and leave (bottom border), when there are any. */
  readonly inAnchor: Point | null;
  readonly outAnchor: Point | null;
}
