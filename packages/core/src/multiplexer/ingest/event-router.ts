/**
 * TensorBoard's reading of one run's events, in read order, into an {@link EventBatch}:
 * a tag's kind is fixed by its first value, a restart purges by {@link OrphanDetector}'s
 * rule, graphs and run metadata become blob sequences of their own. Runs on whichever
 * thread decodes the run; {@link RunData.apply} stores what it makes.
 */
import { blobCountOf, scalarOf, tagMetadataOf, tensorOf, type TagMetadata } from '../../events/data-compat.js';
import type { RawEvent, RawValue } from '../../events/raw-event.js';
import { GRAPH_SLOTS } from '../blob-key.js';
import { OrphanDetector } from '../orphan-purge.js';
import { kindOf, type BatchBuilder, type TagPoints } from './batch.js';

/** Called for a summary value that cannot be decoded (it is skipped), with the offset of its record. */
export type ValueErrorHandler = (tag: string, offset: number, err: Error) => void;

const GRAPH_TAGS: Record<number, { tag: string; plugin: string }> = {
  [GRAPH_SLOTS.graphDef]: { tag: '__run_graph__', plugin: 'graphs' },
  [GRAPH_SLOTS.metaGraphDef]: { tag: '__run_meta_graph__', plugin: 'graphs' },
};

export class EventRouter {
  private readonly orphans = new OrphanDetector();
  private readonly kinds = new Map<string, TagPoints['kind']>();
  private started = false;

  /** Routes one event, read from the record at `offset` of `file` (its name within the run). */
  add(out: BatchBuilder, ev: RawEvent, file: string, offset: number, onValueError: ValueErrorHandler): void {
    out.events++;
    if (!this.started) {
      this.started = true;
      out.start(ev.wallTime);
    }
    const purge = this.orphans.next(ev);
    if (purge.kind !== 'none') out.purge(purge);
    if (ev.values) {
      for (let i = 0; i < ev.values.length; i++) {
        const v = ev.values[i]!;
        try {
          this.addValue(out, ev, v, i, file, offset);
        } catch (err) {
          onValueError(v.tag, offset, err as Error);
        }
      }
    }
    if (ev.graphDef) this.addGraph(out, GRAPH_SLOTS.graphDef, ev, file, offset);
    if (ev.metaGraphDef) this.addGraph(out, GRAPH_SLOTS.metaGraphDef, ev, file, offset);
    if (ev.taggedRunMetadata) {
      const kind = this.kind(out, ev.taggedRunMetadata.tag, () => blobMetadata('graph_run_metadata'), false);
      if (kind === 'blob') out.blob(ev.taggedRunMetadata.tag, location(ev, file, offset, GRAPH_SLOTS.taggedRunMetadata, 1));
    }
  }

  private addValue(out: BatchBuilder, ev: RawEvent, v: RawValue, index: number, file: string, offset: number): void {
    const kind = this.kind(out, v.tag, () => tagMetadataOf(v), true);
    if (kind === 'scalar') out.scalar(v.tag, ev.step, ev.wallTime, scalarOf(v));
    else if (kind === 'tensor') out.tensor(v.tag, { step: ev.step, wallTime: ev.wallTime, value: tensorOf(v) });
    else out.blob(v.tag, location(ev, file, offset, index, blobCountOf(v)));
  }

  private addGraph(out: BatchBuilder, slot: number, ev: RawEvent, file: string, offset: number): void {
    const g = GRAPH_TAGS[slot]!;
    if (this.kind(out, g.tag, () => blobMetadata(g.plugin), false) === 'blob') out.blob(g.tag, location(ev, file, offset, slot, 1));
  }

  /** The kind of `tag`, fixed on first sight by the metadata of its first value. */
  private kind(out: BatchBuilder, tag: string, metadata: () => TagMetadata, fromSummary: boolean): TagPoints['kind'] {
    let kind = this.kinds.get(tag);
    if (kind === undefined) {
      const md = metadata();
      kind = kindOf(md);
      this.kinds.set(tag, kind);
      out.newTag({ tag, metadata: md, fromSummary });
    }
    return kind;
  }
}

function location(ev: RawEvent, file: string, offset: number, slot: number, blobCount: number) {
  return { step: ev.step, wallTime: ev.wallTime, file, offset, slot, blobCount };
}

function blobMetadata(pluginName: string): TagMetadata {
  return { pluginName, dataClass: 'blob_sequence', displayName: '', description: '', pluginContent: new Uint8Array(0) };
}
