/**
 * What one run's events have made: its tags' series and start time. Events are read and
 * routed (restarts, tag kinds) by an {@link EventRouter}, on whichever thread decodes
 * the run; what it makes arrives here as batches, applied in read order.
 */
import type { EventBatch, TagPoints } from './ingest/batch.js';
import type { OrphanPurge } from './orphan-purge.js';
import { TagSeries } from './tag-series.js';

/** One run's series, filled batch by batch. */
export class RunData {
  readonly tags = new Map<string, TagSeries>();
  /** Wall time of the run's first event. */
  startTime: number | null = null;
  /**
   * Series made from events other than summaries (graphs, run metadata): TensorBoard
   * keeps those aside from its summary reservoirs, so no restart purges them.
   */
  private readonly notSummaries = new Set<TagSeries>();

  /** @param capacityFor most points kept per tag of a plugin; 0 keeps all. */
  constructor(private readonly capacityFor: (pluginName: string) => number) {}

  /** Stores a batch; returns whether any stored data changed (added or purged). */
  apply(batch: EventBatch): boolean {
    if (this.startTime === null && batch.startTime !== null) this.startTime = batch.startTime;
    for (const t of batch.newTags) {
      if (this.tags.has(t.tag)) continue;
      const series = new TagSeries(t.tag, t.metadata, this.capacityFor(t.metadata.pluginName));
      this.tags.set(t.tag, series);
      if (!t.fromSummary) this.notSummaries.add(series);
    }
    let changed = false;
    for (const s of batch.steps) {
      if (s.op === 'purge') changed = this.purge(s.purge) || changed;
      else for (const points of s.tags) changed = this.addPoints(points) || changed;
    }
    return changed;
  }

  private addPoints(p: TagPoints): boolean {
    const series = this.tags.get(p.tag);
    if (!series) return false;
    series.changes++;
    const s = series.storage;
    if (p.kind === 'scalar' && s.kind === 'scalar') {
      s.points.append(p.step, p.wallTime, p.value);
      for (let i = 0; i < p.step.length; i++) series.touch(p.step[i]!, p.wallTime[i]!);
      return p.step.length > 0;
    }
    if (p.kind === 'tensor' && s.kind === 'tensor') {
      for (const item of p.items) {
        s.points.add(item);
        series.touch(item.step, item.wallTime);
      }
      return p.items.length > 0;
    }
    if (p.kind === 'blob' && s.kind === 'blob') {
      for (const item of p.items) {
        s.points.add(item);
        series.touch(item.step, item.wallTime);
      }
      return p.items.length > 0;
    }
    return false;
  }

  private purge(p: Exclude<OrphanPurge, { kind: 'none' }>): boolean {
    let dropped = 0;
    if (p.kind === 'all') {
      for (const series of this.tags.values()) if (!this.notSummaries.has(series)) dropped += series.purgeFrom(p.step);
    } else {
      for (const tag of p.tags) {
        const series = this.tags.get(tag);
        if (series && !this.notSummaries.has(series)) dropped += series.purgeFrom(p.step);
      }
    }
    return dropped > 0;
  }
}
