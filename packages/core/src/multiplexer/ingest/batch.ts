/**
 * What decoding a stretch of a run's events makes, in a form that crosses threads
 * cheaply: the run's new tags in order of first sight, and its data as steps, each a
 * purge or the points added since the last purge, grouped by tag (only the order within
 * a tag matters between purges). Scalars are three float64 columns per tag, moved, not
 * copied, between threads.
 */
import type { TagMetadata } from '../../events/data-compat.js';
import type { OrphanPurge } from '../orphan-purge.js';
import type { BlobLocation, StoredTensor } from '../tag-series.js';

/** Points of one tag added between two purges. */
export type TagPoints =
  | { readonly tag: string; readonly kind: 'scalar'; readonly step: Float64Array; readonly wallTime: Float64Array; readonly value: Float64Array }
  | { readonly tag: string; readonly kind: 'tensor'; readonly items: StoredTensor[] }
  | { readonly tag: string; readonly kind: 'blob'; readonly items: BlobLocation[] };

export type BatchStep =
  | { readonly op: 'purge'; readonly purge: Exclude<OrphanPurge, { kind: 'none' }> }
  | { readonly op: 'points'; readonly tags: TagPoints[] };

export interface NewTag {
  readonly tag: string;
  readonly metadata: TagMetadata;
  /** False for graphs and run metadata, which no restart purges. */
  readonly fromSummary: boolean;
}

export interface EventBatch {
  /** Wall time of the first event, when this batch holds the run's first one. */
  readonly startTime: number | null;
  readonly newTags: NewTag[];
  readonly steps: BatchStep[];
  readonly events: number;
}

/** The storage a tag's data class calls for (as {@link TagSeries} makes it). */
export function kindOf(metadata: TagMetadata): TagPoints['kind'] {
  return metadata.dataClass === 'scalar' ? 'scalar' : metadata.dataClass === 'blob_sequence' ? 'blob' : 'tensor';
}

/** Growing scalar columns of one tag. */
class ScalarChunk {
  step = new Float64Array(64);
  wallTime = new Float64Array(64);
  value = new Float64Array(64);
  n = 0;

  push(step: number, wallTime: number, value: number): void {
    if (this.n === this.step.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.step = grow(this.step);
      this.wallTime = grow(this.wallTime);
      this.value = grow(this.value);
    }
    const i = this.n++;
    this.step[i] = step;
    this.wallTime[i] = wallTime;
    this.value[i] = value;
  }
}

/** Collects a batch; {@link finish} hands it over with the buffers to move. */
export class BatchBuilder {
  private startTime: number | null = null;
  private newTags: NewTag[] = [];
  private steps: BatchStep[] = [];
  private scalars = new Map<string, ScalarChunk>();
  private others = new Map<string, TagPoints & { kind: 'tensor' | 'blob' }>();
  events = 0;
  /** About how many bytes the batch holds: what bounds a batch in flight. */
  bytes = 0;

  start(wallTime: number): void {
    this.startTime = wallTime;
  }

  newTag(t: NewTag): void {
    this.newTags.push(t);
  }

  purge(purge: Exclude<OrphanPurge, { kind: 'none' }>): void {
    this.flush();
    this.steps.push({ op: 'purge', purge });
  }

  scalar(tag: string, step: number, wallTime: number, value: number): void {
    let c = this.scalars.get(tag);
    if (!c) this.scalars.set(tag, (c = new ScalarChunk()));
    c.push(step, wallTime, value);
    this.bytes += 24;
  }

  tensor(tag: string, item: StoredTensor): void {
    this.other(tag, 'tensor').items.push(item as never);
    this.bytes += 64 + item.value.numbers.byteLength;
  }

  blob(tag: string, item: BlobLocation): void {
    this.other(tag, 'blob').items.push(item as never);
    this.bytes += 64;
  }

  get empty(): boolean {
    return this.events === 0 && this.newTags.length === 0 && this.steps.length === 0 && this.scalars.size === 0 && this.others.size === 0;
  }

  /** The batch, and the buffers a postMessage may move rather than copy. */
  finish(): { batch: EventBatch; transfer: ArrayBuffer[] } {
    this.flush();
    const transfer: ArrayBuffer[] = [];
    for (const s of this.steps) {
      if (s.op !== 'points') continue;
      for (const t of s.tags) {
        if (t.kind === 'scalar') transfer.push(t.step.buffer as ArrayBuffer, t.wallTime.buffer as ArrayBuffer, t.value.buffer as ArrayBuffer);
        else if (t.kind === 'tensor') for (const item of t.items) transfer.push(item.value.numbers.buffer as ArrayBuffer);
      }
    }
    const batch: EventBatch = { startTime: this.startTime, newTags: this.newTags, steps: this.steps, events: this.events };
    this.startTime = null;
    this.newTags = [];
    this.steps = [];
    this.events = 0;
    this.bytes = 0;
    return { batch, transfer: [...new Set(transfer)] };
  }

  private other(tag: string, kind: 'tensor' | 'blob'): { items: unknown[] } {
    let o = this.others.get(tag);
    if (!o) this.others.set(tag, (o = kind === 'tensor' ? { tag, kind, items: [] } : { tag, kind, items: [] }));
    return o as { items: unknown[] };
  }

  private flush(): void {
    if (this.scalars.size === 0 && this.others.size === 0) return;
    const tags: TagPoints[] = [];
    for (const [tag, c] of this.scalars) {
      // Views, not copies: their buffers move to the storing thread, which copies the points once, into the series.
      tags.push({ tag, kind: 'scalar', step: c.step.subarray(0, c.n), wallTime: c.wallTime.subarray(0, c.n), value: c.value.subarray(0, c.n) });
    }
    tags.push(...this.others.values());
    this.scalars.clear();
    this.others.clear();
    this.steps.push({ op: 'points', tags });
  }
}
