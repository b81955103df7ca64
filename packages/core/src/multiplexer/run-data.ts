/**
 * What one run's events have made: its tags' series and start time. Events go in in
 * read order; TensorBoard's restart rule ({@link OrphanDetector}) decides what each one
 * purges before its own data is added.
 */
import { blobCountOf, scalarOf, tagMetadataOf, tensorOf, type TagMetadata } from '../events/data-compat.js';
import type { RawEvent, RawValue } from '../events/raw-event.js';
import { GRAPH_SLOTS } from './blob-key.js';
import { OrphanDetector, type OrphanPurge } from './orphan-purge.js';
import { TagSeries } from './tag-series.js';

/** Called for a summary value that cannot be decoded (it is skipped), with the offset of its record. */
export type ValueErrorHandler = (tag: string, offset: number, err: Error) => void;

const GRAPH_TAGS: Record<number, { tag: string; plugin: string }> = {
  [GRAPH_SLOTS.graphDef]: { tag: '__run_graph__', plugin: 'graphs' },
  [GRAPH_SLOTS.metaGraphDef]: { tag: '__run_meta_graph__', plugin: 'graphs' },
};

/** One run's series, filled event by event. */
export class RunData {
  readonly tags = new Map<string, TagSeries>();
  /** Wall time of the run's first event. */
  startTime: number | null = null;
  private readonly orphans = new OrphanDetector();
  /**
   * Series made from events other than summaries (graphs, run metadata): TensorBoard
   * keeps those aside from its summary reservoirs, so no restart purges them.
   */
  private readonly notSummaries = new Set<TagSeries>();

  /** @param capacityFor most points kept per tag of a plugin; 0 keeps all. */
  constructor(private readonly capacityFor: (pluginName: string) => number) {}

  /**
   * Adds one event, read from the record at `offset` of `file` (its name within the
   * run). Returns whether any stored data changed (added or purged).
   */
  add(ev: RawEvent, file: string, offset: number, onValueError: ValueErrorHandler): boolean {
    if (this.startTime === null) this.startTime = ev.wallTime;
    let changed = this.purge(this.orphans.next(ev));
    if (ev.values) {
      for (let i = 0; i < ev.values.length; i++) {
        const v = ev.values[i]!;
        try {
          changed = this.addValue(ev, v, i, file, offset) || changed;
        } catch (err) {
          onValueError(v.tag, offset, err as Error);
        }
      }
    }
    if (ev.graphDef) changed = this.addGraph(GRAPH_SLOTS.graphDef, ev, file, offset) || changed;
    if (ev.metaGraphDef) changed = this.addGraph(GRAPH_SLOTS.metaGraphDef, ev, file, offset) || changed;
    if (ev.taggedRunMetadata) {
      const series = this.series(ev.taggedRunMetadata.tag, () => blobMetadata('graph_run_metadata'), false);
      changed = addBlob(series, ev, file, offset, GRAPH_SLOTS.taggedRunMetadata, 1) || changed;
    }
    return changed;
  }

  private addValue(ev: RawEvent, v: RawValue, index: number, file: string, offset: number): boolean {
    const series = this.series(v.tag, () => tagMetadataOf(v), true);
    const s = series.storage;
    if (s.kind === 'scalar') {
      s.points.push(ev.step, ev.wallTime, scalarOf(v));
    } else if (s.kind === 'tensor') {
      s.points.add({ step: ev.step, wallTime: ev.wallTime, value: tensorOf(v) });
    } else {
      return addBlob(series, ev, file, offset, index, blobCountOf(v));
    }
    series.touch(ev.step, ev.wallTime);
    return true;
  }

  private addGraph(slot: number, ev: RawEvent, file: string, offset: number): boolean {
    const g = GRAPH_TAGS[slot]!;
    return addBlob(this.series(g.tag, () => blobMetadata(g.plugin), false), ev, file, offset, slot, 1);
  }

  /** The series of `tag`, made on first sight with the metadata of its first value. */
  private series(tag: string, metadata: () => TagMetadata, fromSummary: boolean): TagSeries {
    let series = this.tags.get(tag);
    if (!series) {
      const md = metadata();
      series = new TagSeries(tag, md, this.capacityFor(md.pluginName));
      this.tags.set(tag, series);
      if (!fromSummary) this.notSummaries.add(series);
    }
    return series;
  }

  private purge(p: OrphanPurge): boolean {
    let dropped = 0;
    if (p.kind === 'all') {
      for (const series of this.tags.values()) if (!this.notSummaries.has(series)) dropped += series.purgeFrom(p.step);
    } else if (p.kind === 'tags') {
      for (const tag of p.tags) {
        const series = this.tags.get(tag);
        if (series && !this.notSummaries.has(series)) dropped += series.purgeFrom(p.step);
      }
    }
    return dropped > 0;
  }
}

function addBlob(series: TagSeries, ev: RawEvent, file: string, offset: number, slot: number, blobCount: number): boolean {
  if (series.storage.kind !== 'blob') return false;
  series.storage.points.add({ step: ev.step, wallTime: ev.wallTime, file, offset, slot, blobCount });
  series.touch(ev.step, ev.wallTime);
  return true;
}

function blobMetadata(pluginName: string): TagMetadata {
  return { pluginName, dataClass: 'blob_sequence', displayName: '', description: '', pluginContent: new Uint8Array(0) };
}
