/**
 * A small least-recently-used map of promises: concurrent requests for the same key share
 * one computation, a failed computation is forgotten (so the next request tries again),
 * and the oldest entries go once there are more than `max`.
 */
export class PromiseLru<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly max: number) {}

  /** The cached promise for `key`, or a new one from `make()`. */
  get(key: string, make: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    made.catch(() => {
      if (this.entries.get(key) === made) this.entries.delete(key);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }

  /** How many entries are held. */
  get size(): number {
    return this.entries.size;
  }
}
