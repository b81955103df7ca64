/**
 * The dashboard's cache of fetched series, shared by all cards: per tag and run, the
 * series at the resolution it was fetched. Cards ask for what they show; the store
 * fetches only what is missing, stale (after a reload) or too coarse (a wider card),
 * a few requests at a time, newest first (the cards just scrolled to), and forgets the
 * tags used least recently beyond a limit.
 */
import type { ScalarSeries } from './series.js';

/** Fetches `tag` for `runs` at about `downsample` points each (scalars_multirun). */
export type LoadRuns = (tag: string, runs: readonly string[], downsample: number) => Promise<ReadonlyMap<string, ScalarSeries>>;

/** Limits of a {@link SeriesStore}. */
export interface SeriesStoreOptions {
  /** Tags kept in memory (default 64); the least recently used go first. */
  readonly maxTags?: number;
  /** Requests at a time (default 4; the browser allows 6 per host and the shell holds one). */
  readonly concurrency?: number;
}

interface Entry {
  readonly series: ScalarSeries;
  /** The downsample it was fetched with; Infinity when it is the whole series. */
  readonly downsample: number;
  readonly generation: number;
}

const EMPTY: ScalarSeries = { wall: new Float64Array(0), step: new Float64Array(0), value: new Float64Array(0) };

/** Series by tag and run, fetched on demand. */
export class SeriesStore {
  private readonly data = new Map<string, Map<string, Entry>>();
  private readonly inFlight = new Map<string, Set<string>>();
  private readonly errors = new Map<string, unknown>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly runStaleBefore = new Map<string, number>();
  private allStaleBefore = 0;
  private generation = 0;
  private active = 0;
  private readonly maxTags: number;
  private readonly concurrency: number;

  constructor(
    private readonly load: LoadRuns,
    options: SeriesStoreOptions = {},
  ) {
    this.maxTags = options.maxTags ?? 64;
    this.concurrency = options.concurrency ?? 4;
  }

  /** Calls `listener` whenever `tag`'s data, loading state or error changes. */
  subscribe(tag: string, listener: () => void): () => void {
    let set = this.listeners.get(tag);
    if (!set) this.listeners.set(tag, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(tag);
    };
  }

  /** The series of `tag` held for each of `runs` (possibly stale while a refetch runs). */
  series(tag: string, runs: readonly string[]): Map<string, ScalarSeries> {
    const byRun = this.data.get(tag);
    const out = new Map<string, ScalarSeries>();
    if (!byRun) return out;
    this.data.delete(tag);
    this.data.set(tag, byRun);
    for (const run of runs) {
      const e = byRun.get(run);
      if (e) out.set(run, e.series);
    }
    return out;
  }

  /** Whether a request for `tag` is under way. */
  isLoading(tag: string): boolean {
    return (this.inFlight.get(tag)?.size ?? 0) > 0;
  }

  /** The error of the last failed request for `tag`, or null. */
  error(tag: string): unknown {
    return this.errors.get(tag) ?? null;
  }

  /**
   * Fetches the runs of `tag` that are missing, stale, or coarser than `downsample`.
   * Does nothing while a request for them is under way, or after a failure (until
   * {@link retry} or {@link invalidate}).
   */
  request(tag: string, runs: readonly string[], downsample: number): void {
    if (this.errors.has(tag)) return;
    const byRun = this.data.get(tag);
    const flying = this.inFlight.get(tag);
    const need = runs.filter((run) => {
      if (flying?.has(run)) return false;
      const e = byRun?.get(run);
      return !e || this.isStale(run, e) || e.downsample < downsample;
    });
    if (need.length === 0) return;
    const generation = this.generation;
    const marks = flying ?? new Set<string>();
    this.inFlight.set(tag, marks);
    for (const run of need) marks.add(run);
    this.queue.push(async () => {
      try {
        const got = await this.load(tag, need, downsample);
        let target = this.data.get(tag);
        if (!target) this.data.set(tag, (target = new Map()));
        for (const run of need) {
          const series = got.get(run) ?? EMPTY;
          target.set(run, { series, downsample: series.value.length < downsample ? Infinity : downsample, generation });
        }
        this.errors.delete(tag);
      } catch (e) {
        this.errors.set(tag, e);
      } finally {
        for (const run of need) marks.delete(run);
        if (marks.size === 0) this.inFlight.delete(tag);
        this.evict();
        this.notify(tag);
      }
    });
    this.pump();
    this.notify(tag);
  }

  /** Forgets a failure of `tag`, so the next {@link request} tries again. */
  retry(tag: string): void {
    this.errors.delete(tag);
    this.notify(tag);
  }

  /**
   * Marks the data of `runs` (all runs when empty) as stale after a reload: it stays
   * shown until the refetch that the next {@link request} starts has answered.
   */
  invalidate(runs: readonly string[] = []): void {
    this.generation++;
    if (runs.length === 0) this.allStaleBefore = this.generation;
    for (const run of runs) this.runStaleBefore.set(run, this.generation);
    this.errors.clear();
    for (const tag of [...this.listeners.keys()]) this.notify(tag);
  }

  private isStale(run: string, e: Entry): boolean {
    return e.generation < Math.max(this.allStaleBefore, this.runStaleBefore.get(run) ?? 0);
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const job = this.queue.pop()!;
      this.active++;
      void job().finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private evict(): void {
    for (const tag of this.data.keys()) {
      if (this.data.size <= this.maxTags) break;
      if (!this.inFlight.has(tag)) this.data.delete(tag);
    }
  }

  private notify(tag: string): void {
    for (const listener of [...(this.listeners.get(tag) ?? [])]) listener();
  }
}
