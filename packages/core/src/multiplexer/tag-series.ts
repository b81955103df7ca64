/**
 * The stored data of one (run, tag): its metadata and its points, in the storage its
 * data class calls for: scalar columns, a reservoir of decoded tensors, or a reservoir
 * of blob references (images, audio and graphs stay on disk until asked for).
 */
import type { TagMetadata } from '../events/data-compat.js';
import type { TagInfo, TensorValue } from './data-provider.js';
import { Reservoir } from './reservoir.js';
import { ScalarColumns } from './scalar-columns.js';

/** Where a blob sequence datum lives: the record, and the slot within its event. */
export interface BlobLocation {
  readonly step: number;
  readonly wallTime: number;
  /** Name of the event file within the run's directory. */
  readonly file: string;
  /** Offset of the record's header in that file. */
  readonly offset: number;
  /** Index of the Summary.Value, or a graph slot (see `blob-key.ts`). */
  readonly slot: number;
  readonly blobCount: number;
}

export interface StoredTensor {
  readonly step: number;
  readonly wallTime: number;
  readonly value: TensorValue;
}

type Storage =
  | { kind: 'scalar'; points: ScalarColumns }
  | { kind: 'tensor'; points: Reservoir<StoredTensor> }
  | { kind: 'blob'; points: Reservoir<BlobLocation> };

/** One tag's series. */
export class TagSeries {
  maxStep = -Infinity;
  maxWallTime = -Infinity;
  /** Bumped whenever points are added or purged: answers computed from the series stay good while it holds. */
  changes = 0;
  readonly storage: Storage;

  constructor(
    readonly tag: string,
    readonly metadata: TagMetadata,
    capacity: number,
  ) {
    const seed = hashSeed(tag);
    if (metadata.dataClass === 'scalar') this.storage = { kind: 'scalar', points: new ScalarColumns(capacity, seed) };
    else if (metadata.dataClass === 'blob_sequence') this.storage = { kind: 'blob', points: new Reservoir(capacity, seed) };
    else this.storage = { kind: 'tensor', points: new Reservoir(capacity, seed) };
  }

  get count(): number {
    return this.storage.points.length;
  }

  /** Notes a point's step and wall time (called for every point added). */
  touch(step: number, wallTime: number): void {
    if (step > this.maxStep) this.maxStep = step;
    if (wallTime > this.maxWallTime) this.maxWallTime = wallTime;
  }

  /** Drops every point at or after `step` (a restart); returns how many. */
  purgeFrom(step: number): number {
    const s = this.storage;
    const dropped = s.kind === 'scalar' ? s.points.purgeFrom(step) : s.points.filter((p) => p.step < step);
    if (dropped > 0) {
      this.changes++;
      this.recomputeMax();
    }
    return dropped;
  }

  info(): TagInfo {
    const m = this.metadata;
    return {
      displayName: m.displayName,
      description: m.description,
      dataClass: m.dataClass,
      pluginName: m.pluginName,
      pluginContent: m.pluginContent,
      maxStep: this.maxStep,
      maxWallTime: this.maxWallTime,
      count: this.count,
    };
  }

  private recomputeMax(): void {
    this.maxStep = -Infinity;
    this.maxWallTime = -Infinity;
    const s = this.storage;
    if (s.kind === 'scalar') {
      const v = s.points.view();
      for (let i = 0; i < v.step.length; i++) this.touch(v.step[i]!, v.wallTime[i]!);
    } else {
      for (const p of s.points.toArray()) this.touch(p.step, p.wallTime);
    }
  }
}

/** A stable seed per tag, so sampling does not depend on load order across tags. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
