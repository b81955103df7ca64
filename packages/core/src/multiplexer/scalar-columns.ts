/**
 * A scalar series stored as three float64 columns (step, wall time, value): 24 bytes a
 * point plus growth slack, instead of an object per point. Columns double while small
 * and grow by a quarter past 1024 points, so slack stays under 25% of the data. With a
 * capacity, points are sampled by {@link ReservoirSampler} (the newest always kept).
 */
import type { ScalarSeries } from './data-provider.js';
import { ReservoirSampler } from './reservoir.js';

const INITIAL = 8;
const DOUBLING_LIMIT = 1024;

export class ScalarColumns {
  private steps = new Float64Array(INITIAL);
  private walls = new Float64Array(INITIAL);
  private values = new Float64Array(INITIAL);
  private n = 0;
  private readonly sampler: ReservoirSampler;

  /** @param capacity most points kept; 0 keeps every point. */
  constructor(capacity = 0, seed = 0) {
    this.sampler = new ReservoirSampler(capacity, seed);
  }

  get length(): number {
    return this.n;
  }

  /** Bytes held by the columns, slack included. */
  get byteSize(): number {
    return this.steps.byteLength * 3;
  }

  push(step: number, wallTime: number, value: number): void {
    const slot = this.sampler.admit(this.n);
    if (slot === -1) {
      if (this.n === this.steps.length) this.grow();
      const i = this.n++;
      this.steps[i] = step;
      this.walls[i] = wallTime;
      this.values[i] = value;
      return;
    }
    if (slot < this.sampler.capacity) {
      this.steps.copyWithin(slot, slot + 1, this.n);
      this.walls.copyWithin(slot, slot + 1, this.n);
      this.values.copyWithin(slot, slot + 1, this.n);
    }
    const last = this.n - 1;
    this.steps[last] = step;
    this.walls[last] = wallTime;
    this.values[last] = value;
  }

  /**
   * Adds points in order, as {@link push} would one by one; when every point is kept
   * (no capacity), as three block copies after at most one resize.
   */
  append(step: Float64Array, wallTime: Float64Array, value: Float64Array): void {
    const k = step.length;
    if (this.sampler.capacity !== 0) {
      for (let i = 0; i < k; i++) this.push(step[i]!, wallTime[i]!, value[i]!);
      return;
    }
    this.sampler.admitAll(k);
    if (this.n + k > this.steps.length) this.grow(this.n + k);
    this.steps.set(step, this.n);
    this.walls.set(wallTime, this.n);
    this.values.set(value, this.n);
    this.n += k;
  }

  /** Drops every point whose step is >= `step`; returns how many were dropped. */
  purgeFrom(step: number): number {
    const before = this.n;
    let w = 0;
    for (let i = 0; i < before; i++) {
      if (this.steps[i]! < step) {
        this.steps[w] = this.steps[i]!;
        this.walls[w] = this.walls[i]!;
        this.values[w] = this.values[i]!;
        w++;
      }
    }
    this.n = w;
    this.sampler.rescale(before, w);
    return before - w;
  }

  /** Views of the kept points (no copy; valid until the next write). */
  view(): ScalarSeries {
    return {
      step: this.steps.subarray(0, this.n),
      wallTime: this.walls.subarray(0, this.n),
      value: this.values.subarray(0, this.n),
    };
  }

  /** Grows the columns to hold at least `atLeast` points (and by the usual step at least). */
  private grow(atLeast = 0): void {
    const cap = this.steps.length;
    const next = Math.max(atLeast, cap < DOUBLING_LIMIT ? cap * 2 : cap + (cap >> 2));
    this.steps = resized(this.steps, next);
    this.walls = resized(this.walls, next);
    this.values = resized(this.values, next);
  }
}

function resized(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}
