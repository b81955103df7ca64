/**
 * Counter series from Chrome's 'C' events: one series per (pid, event name, args key),
 * named by the event name alone when that name only ever carries one key.
 */

interface Series {
  readonly pid: string;
  readonly name: string;
  readonly key: string;
  ts: number[];
  values: number[];
}

/** A finished series, times still absolute. */
export interface RawCounter {
  readonly pid: string;
  readonly name: string;
  readonly ts: Float64Array;
  readonly values: Float64Array;
}

/** Accumulates counter events. */
export class CounterCollector {
  private readonly series = new Map<string, Series>();
  private readonly keysByName = new Map<string, Set<string>>();

  /** Reads one 'C' event's numeric args; non-numeric values are skipped. */
  add(pid: string, name: string, ts: number, args: Readonly<Record<string, unknown>> | undefined): void {
    if (!args) return;
    for (const [key, value] of Object.entries(args)) {
      const v = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(v)) continue;
      const id = `${pid}\u0000${name}\u0000${key}`;
      let s = this.series.get(id);
      if (!s) {
        s = { pid, name, key, ts: [], values: [] };
        this.series.set(id, s);
        const nameId = `${pid}\u0000${name}`;
        let keys = this.keysByName.get(nameId);
        if (!keys) this.keysByName.set(nameId, (keys = new Set()));
        keys.add(key);
      }
      s.ts.push(ts);
      s.values.push(v);
    }
  }

  /** The earliest counter time, or Infinity. */
  minTs(): number {
    let min = Infinity;
    for (const s of this.series.values()) for (const t of s.ts) if (t < min) min = t;
    return min;
  }

  /** Every series, sorted in time. */
  finish(): RawCounter[] {
    const out: RawCounter[] = [];
    for (const s of this.series.values()) {
      const order = s.ts.map((_, i) => i).sort((a, b) => s.ts[a]! - s.ts[b]! || a - b);
      const single = this.keysByName.get(`${s.pid}\u0000${s.name}`)!.size === 1;
      out.push({
        pid: s.pid,
        name: single ? s.name : `${s.name} ${s.key}`,
        ts: Float64Array.from(order, (i) => s.ts[i]!),
        values: Float64Array.from(order, (i) => s.values[i]!),
      });
    }
    return out;
  }
}
