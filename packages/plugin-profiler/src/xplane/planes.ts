/**
 * What kind of source an XPlane is, by its name (TensorFlow's conventions): "/host:CPU"
 * (host threads), "/device:TPU:0", "/device:GPU:1", "/device:CUSTOM:..." (one
 * accelerator each), and derived or metadata planes ("Task Environment",
 * "/host:metadata"). Also the plane listing the profile carries.
 */
import type { XPlane, XSpace } from './types.js';

export type PlaneKind = 'host' | 'device' | 'other';

/** host for "/host:CPU" (and other /host: planes with lines), device for "/device:...". */
export function planeKind(plane: XPlane): PlaneKind {
  if (plane.name.startsWith('/device:')) return 'device';
  if (plane.name.startsWith('/host:')) return 'host';
  return 'other';
}

/** The device number at the end of "/device:TPU:3" (3), else null. */
export function deviceOrdinal(name: string): number | null {
  const m = /:(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Where a plane sorts among the processes: host planes, then devices by ordinal, then
 * the rest, and last the planes without lines ("/host:metadata", "Task Environment").
 */
export function planeSortIndex(plane: XPlane, position: number): number {
  const kind = planeKind(plane);
  if (plane.lines.length === 0) return 200_000_000 + position;
  if (kind === 'host') return position;
  if (kind === 'device') return 1_000_000 + (deviceOrdinal(plane.name) ?? plane.id) * 1000 + (position % 1000);
  return 100_000_000 + position;
}

/** One line in the plane listing. */
export interface LineSummary {
  readonly id: number;
  readonly name: string;
  readonly displayName: string;
  readonly eventCount: number;
}

/** One plane in the listing. */
export interface PlaneSummary {
  readonly id: number;
  readonly name: string;
  readonly kind: PlaneKind;
  readonly eventMetadataCount: number;
  readonly statMetadataCount: number;
  readonly lines: readonly LineSummary[];
}

/** Every plane, in file order, with its lines and their event counts. */
export function summarizePlanes(space: XSpace): PlaneSummary[] {
  return space.planes.map((p) => ({
    id: p.id,
    name: p.name,
    kind: planeKind(p),
    eventMetadataCount: p.eventMetadata.size,
    statMetadataCount: p.statMetadata.size,
    lines: p.lines.map((l) => ({ id: l.id, name: l.name, displayName: l.displayName, eventCount: l.events.length })),
  }));
}
