/**
 * Reading the stats of an XPlane: a stat's name comes from the plane's stat metadata,
 * a ref_value stat's string value is the name of another stat metadata entry, and an
 * event's stats are those of its event metadata overlaid by its own.
 */
import type { XEvent, XPlane, XStat } from './types.js';

/** A resolved stat value: numbers stay numbers, ref values become their strings. */
export type StatValue = number | string;

/** The stat's name, or `stat#<id>` when the plane has no metadata for it. */
export function statName(plane: XPlane, stat: XStat): string {
  return plane.statMetadata.get(stat.metadataId)?.name || `stat#${stat.metadataId}`;
}

/** The stat's value; bytes as a `<N bytes>` placeholder; null when no value is set. */
export function statValue(plane: XPlane, stat: XStat): StatValue | null {
  if (stat.strValue !== undefined) return stat.strValue;
  if (stat.refValue !== undefined) return plane.statMetadata.get(stat.refValue)?.name ?? `ref#${stat.refValue}`;
  if (stat.int64Value !== undefined) return stat.int64Value;
  if (stat.uint64Value !== undefined) return stat.uint64Value;
  if (stat.doubleValue !== undefined) return stat.doubleValue;
  if (stat.bytesValue !== undefined) return `<${stat.bytesValue.length} bytes>`;
  return null;
}

/** Stats as a name → value record, later entries winning. */
export function statsRecord(plane: XPlane, stats: readonly XStat[], into: Record<string, StatValue> = {}): Record<string, StatValue> {
  for (const s of stats) {
    const v = statValue(plane, s);
    if (v !== null) into[statName(plane, s)] = v;
  }
  return into;
}

/**
 * Finds stats by name on one plane quickly: the metadata ids of a few names are looked
 * up once, then each event's stats (and its metadata's) are scanned by id.
 */
export class StatFinder {
  private readonly ids = new Map<string, Set<number>>();

  constructor(private readonly plane: XPlane) {
    for (const m of plane.statMetadata.values()) {
      let set = this.ids.get(m.name);
      if (!set) this.ids.set(m.name, (set = new Set()));
      set.add(m.id);
    }
  }

  /** Whether any stat on this plane can have this name. */
  has(name: string): boolean {
    return this.ids.has(name);
  }

  /** The value of the named stat on the event, else on its metadata, else null. */
  get(event: XEvent, name: string): StatValue | null {
    const ids = this.ids.get(name);
    if (!ids) return null;
    for (const s of event.stats) if (ids.has(s.metadataId)) return statValue(this.plane, s);
    const meta = this.plane.eventMetadata.get(event.metadataId);
    if (meta) for (const s of meta.stats) if (ids.has(s.metadataId)) return statValue(this.plane, s);
    return null;
  }

  /** The first of several names that the event has (e.g. 'hlo_category', 'category'). */
  first(event: XEvent, names: readonly string[]): StatValue | null {
    for (const n of names) {
      const v = this.get(event, n);
      if (v !== null) return v;
    }
    return null;
  }
}
