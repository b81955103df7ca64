/**
 * Deterministic reservoir sampling that always keeps the newest item, as TensorBoard's
 * `reservoir.py` does: the first `capacity` items are kept; item n (0-based, n >=
 * capacity) then draws r uniformly from [0, n]; if r < capacity, the item at r is
 * dropped and the new one appended, else the new one replaces the last. So the kept
 * items stay in arrival order, each seen item is kept with probability capacity / n,
 * and the last item seen is always kept. The random stream is seeded, so the same input
 * keeps the same items.
 */

/** A seeded 32-bit PRNG (mulberry32): deterministic, fast, good enough for sampling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The sampling decision alone, shared by {@link Reservoir} and the scalar columns.
 * `admit()` says what to do with the next item: `append` (room left), `drop-and-append`
 * at `index`, or `replace-last`.
 */
export class ReservoirSampler {
  private seen = 0;
  private readonly random: () => number;

  /** @param capacity most items kept; 0 keeps everything. */
  constructor(readonly capacity: number, seed = 0) {
    this.random = seededRandom(seed);
  }

  /** How many items were offered (adjusted by {@link rescale} after purges). */
  get itemsSeen(): number {
    return this.seen;
  }

  /**
   * Decides for the next item given `kept` items now held. Returns -1 to append,
   * an index in [0, capacity) to drop that item and append, or `capacity` to replace
   * the last item.
   */
  admit(kept: number): number {
    const n = this.seen++;
    if (this.capacity === 0 || kept < this.capacity) return -1;
    const r = Math.floor(this.random() * (n + 1));
    return r < this.capacity ? r : this.capacity;
  }

  /** Counts `count` items appended without {@link admit} (only when nothing is ever dropped: capacity 0). */
  admitAll(count: number): void {
    if (this.capacity !== 0) throw new Error('admitAll is for a sampler that keeps everything');
    this.seen += count;
  }

  /** After a purge kept `remaining` of `before` items, scale the seen count alike. */
  rescale(before: number, remaining: number): void {
    this.seen = before === 0 ? 0 : Math.round((this.seen * remaining) / before);
  }
}

/** A bounded, deterministic sample of a stream of items; see the module comment. */
export class Reservoir<T> {
  private readonly items: T[] = [];
  private readonly sampler: ReservoirSampler;

  /** @param capacity most items kept; 0 keeps everything. */
  constructor(capacity: number, seed = 0) {
    this.sampler = new ReservoirSampler(capacity, seed);
  }

  get length(): number {
    return this.items.length;
  }

  /** Offers one item. */
  add(item: T): void {
    const slot = this.sampler.admit(this.items.length);
    if (slot === -1) {
      this.items.push(item);
    } else if (slot < this.sampler.capacity) {
      this.items.splice(slot, 1);
      this.items.push(item);
    } else {
      this.items[this.items.length - 1] = item;
    }
  }

  /** Keeps only the items for which `keep` is true (used to purge orphaned data). */
  filter(keep: (item: T) => boolean): number {
    const before = this.items.length;
    let w = 0;
    for (let i = 0; i < before; i++) {
      const item = this.items[i]!;
      if (keep(item)) this.items[w++] = item;
    }
    this.items.length = w;
    this.sampler.rescale(before, w);
    return before - w;
  }

  /** The kept items, oldest first. The array is a copy. */
  toArray(): T[] {
    return this.items.slice();
  }

  /** The newest kept item. */
  last(): T | undefined {
    return this.items[this.items.length - 1];
  }
}
