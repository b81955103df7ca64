/**
 * The log-root multiplexer: finds the runs under the log root, keeps each one loaded,
 * and re-scans every reload interval; a file-system watch makes appended data visible
 * within a second in between. It knows nothing of plugins: plugins read through
 * {@link LogRootMultiplexer.provider}.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { silentLogger, type Logger } from '../logger.js';
import { mapLimit } from '../storage/map-limit.js';
import { openStore } from '../storage/open-store.js';
import type { S3Options } from '../storage/s3-options.js';
import { listAll, type StoreEntry, type StoreStats } from '../storage/store.js';
import type { DataProvider } from './data-provider.js';
import { parseLogRoots, runNameOf, type LogRoot } from './log-root.js';
import { LogRootProvider } from './provider.js';
import { sharedIngestPool, type IngestPool } from './ingest/pool.js';
import { isEventKey, RootScanner } from './root-scanner.js';
import { RunLoader, type LoadProblem } from './run-loader.js';
import { DEFAULT_SAMPLES, type SamplesPerPlugin } from './samples.js';

export interface MultiplexerOptions {
  /** The log directory (TensorBoard's --logdir). */
  logdir?: string;
  /** `name1:path1,name2:path2` (TensorBoard's --logdir_spec), instead of logdir. */
  logdirSpec?: string;
  /** Seconds between re-scans; 0 loads once. Default 5. */
  reloadInterval?: number;
  /** Watch the file system for appended data (default: when reloadInterval > 0). */
  watch?: boolean;
  /** Most points kept per tag, by plugin name; overrides the defaults. */
  samplesPerPlugin?: SamplesPerPlugin;
  /** How to reach s3:// roots (endpoint, path style, credentials); default: the AWS SDK's configuration. */
  s3?: S3Options;
  /** Listing pages per root per reload (1,000 keys each on object storage). Default 20. */
  maxListPages?: number;
  /** Where event files are decoded; default: the process's worker threads ({@link sharedIngestPool}). */
  ingest?: IngestPool;
  logger?: Logger;
}

/** Loading progress, for the UI's progress bar. */
export interface LoadingStatus {
  /** 'loading' during a scan or read, else 'idle'. */
  readonly state: 'loading' | 'idle';
  readonly bytesRead: number;
  readonly bytesTotal: number;
  /** Runs read through at least once, of all runs found. */
  readonly runsLoaded: number;
  readonly runsTotal: number;
  readonly eventsRead: number;
  /** Records dropped (bad checksums, bytes that are not an Event); each costs only itself. */
  readonly recordsSkipped: number;
  /** The most recent problems (bad records, unreadable files), newest last. */
  readonly problems: readonly LoadProblem[];
  /** Problems met in all, including those no longer kept in `problems`. */
  readonly problemCount: number;
  /** Requests to the roots' stores (object storage: LIST and GET requests, retries, failures). */
  readonly storage: StoreStats;
  /** The runs with bytes still to read, most left first (at most {@link MAX_LOADING_RUNS}). */
  readonly loadingRuns: readonly RunProgress[];
}

/** How far one run's reading is. */
export interface RunProgress {
  readonly run: string;
  readonly bytesRead: number;
  readonly bytesTotal: number;
}

/** Listener for new data: the runs whose data changed (or that appeared or vanished). */
export type ChangeListener = (runs: readonly string[]) => void;

const MAX_PROBLEMS = 200;
/** Runs listed by name in the loading status: enough for a progress list, bounded for 10,000-run roots. */
const MAX_LOADING_RUNS = 20;
const WATCH_DEBOUNCE_MS = 100;
/** Runs read at once from object storage, where each waits on the network (each reading ahead). */
const REMOTE_RUN_CONCURRENCY = 8;

export class LogRootMultiplexer {
  readonly roots: readonly LogRoot[];
  readonly provider: DataProvider;
  /** Runs by name; read by the provider. */
  readonly runs = new Map<string, RunLoader>();
  private readonly scanners: RootScanner[];
  private readonly ingest: IngestPool;
  private readonly logger: Logger;
  private readonly samples: SamplesPerPlugin;
  private readonly reloadIntervalMs: number;
  private readonly useWatch: boolean;
  private readonly listeners = new Set<ChangeListener>();
  private readonly problems: LoadProblem[] = [];
  private problemCount = 0;
  private readonly problemKeys = new Set<string>();
  private loading = 0;
  private reloading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private watchers: FSWatcher[] = [];
  private watchTimer: NodeJS.Timeout | null = null;
  private readonly watchedDirs = new Set<string>();
  private closed = false;

  constructor(options: MultiplexerOptions) {
    this.roots = parseLogRoots(options.logdir, options.logdirSpec).map((spec) => ({ ...spec, store: openStore(spec.location, options.s3) }));
    this.scanners = this.roots.map((root) => new RootScanner(root, Math.max(1, options.maxListPages ?? 20)));
    this.logger = options.logger ?? silentLogger;
    this.samples = { ...DEFAULT_SAMPLES, ...options.samplesPerPlugin };
    const interval = options.reloadInterval ?? 5;
    if (!(interval >= 0)) throw new RangeError(`reload interval must be >= 0 seconds, got ${interval}`);
    this.reloadIntervalMs = interval * 1000;
    this.useWatch = options.watch ?? interval > 0;
    this.ingest = options.ingest ?? sharedIngestPool();
    this.provider = new LogRootProvider(this);
  }

  /**
   * Loads once now, then keeps loading: every reload interval, and on file-system
   * changes when watching. Resolves when the first load is done.
   */
  async start(): Promise<void> {
    if (this.useWatch) this.startWatching();
    await this.reload();
    this.schedule();
  }

  /** Re-scans the roots and reads everything new. Concurrent calls share one pass. */
  reload(): Promise<void> {
    this.reloading ??= this.reloadOnce().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  /** Subscribes to new data; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): LoadingStatus {
    let bytesRead = 0;
    let bytesTotal = 0;
    let runsLoaded = 0;
    let eventsRead = 0;
    let recordsSkipped = 0;
    const loadingRuns: RunProgress[] = [];
    for (const run of this.runs.values()) {
      recordsSkipped += run.recordsSkipped;
      const b = run.bytes;
      bytesRead += b.read;
      bytesTotal += b.total;
      if (b.read < b.total) loadingRuns.push({ run: run.name, bytesRead: b.read, bytesTotal: b.total });
      if (run.loadedOnce) runsLoaded++;
      eventsRead += run.eventsRead;
    }
    return {
      state: this.loading > 0 ? 'loading' : 'idle',
      bytesRead,
      bytesTotal,
      runsLoaded,
      runsTotal: this.runs.size,
      eventsRead,
      recordsSkipped,
      problems: this.problems.slice(),
      problemCount: this.problemCount,
      storage: this.storageStats(),
      loadingRuns: loadingRuns.sort((a, b) => b.bytesTotal - b.bytesRead - (a.bytesTotal - a.bytesRead)).slice(0, MAX_LOADING_RUNS),
    };
  }

  private storageStats(): StoreStats {
    let requests = 0;
    let bytesRead = 0;
    let retries = 0;
    let failures = 0;
    let retrying = 0;
    let failing = false;
    let lastError: StoreStats['lastError'] = null;
    for (const root of this.roots) {
      const st = root.store.stats();
      requests += st.requests;
      bytesRead += st.bytesRead;
      retries += st.retries;
      failures += st.failures;
      retrying += st.retrying;
      failing ||= st.failing;
      if (st.lastError && (!lastError || st.lastError.at > lastError.at)) lastError = st.lastError;
    }
    return { requests, bytesRead, retries, failures, retrying, failing, lastError };
  }

  /** Stops reloading and watching. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchTimer) clearTimeout(this.watchTimer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
    await this.reloading;
    for (const run of this.runs.values()) run.dispose();
    await Promise.all(this.roots.map((r) => r.store.close()));
  }

  private async reloadOnce(): Promise<void> {
    this.loading++;
    try {
      const found = new Map<string, { scanner: RootScanner; dir: string; files: StoreEntry[] }>();
      for (const scanner of this.scanners) {
        await this.scan(scanner);
        for (const [dir, files] of scanner.dirs()) found.set(runNameOf(scanner.root, dir), { scanner, dir, files });
      }
      const changed: string[] = [];
      for (const name of [...this.runs.keys()]) {
        if (!found.has(name)) {
          this.runs.get(name)!.dispose();
          this.runs.delete(name);
          changed.push(name);
          this.logger.info(`run '${name}' is gone from the log directory; dropped`);
        }
      }
      const ctx = {
        capacityFor: (plugin: string) => this.samples[plugin] ?? this.samples['*'] ?? 0,
        problem: (p: LoadProblem) => this.problem(p),
        ingest: this.ingest,
      };
      for (const [name, { scanner, dir }] of found) {
        if (!this.runs.has(name)) {
          this.runs.set(name, new RunLoader(name, scanner.root.store, dir, ctx));
          changed.push(name);
        }
      }
      // Every run's files are set before any is read, so the progress bar knows the total.
      for (const [name, { files }] of found) this.runs.get(name)!.setFiles(files);
      // As many runs at once as keep the decoders busy; more on object storage, where runs wait on the network.
      const remote = this.roots.some((r) => r.store.kind !== 'local');
      await mapLimit([...this.runs.values()], Math.max(this.ingest.parallelism, remote ? REMOTE_RUN_CONCURRENCY : 1), async (run) => {
        if (!this.closed && (await this.loadRun(run))) changed.push(run.name);
      });
      this.emit(changed);
    } finally {
      this.loading--;
    }
  }

  /**
   * Lists the next part of a root. When that did not cover the whole root (a huge
   * bucket), the runs already known list their own directories, so what they append
   * shows within one reload whatever the bucket's size. A failed listing keeps what
   * was known: no run is dropped because the store could not be reached.
   */
  private async scan(scanner: RootScanner): Promise<void> {
    const store = scanner.root.store;
    let complete: boolean;
    try {
      complete = await scanner.scan();
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      // Object storage's errors name their request (`LIST s3://...: 403 AccessDenied`) already.
      const where = store.kind === 'local' ? ` ${store.location}` : '';
      this.problem({ run: '', file: store.location, message: `cannot ${missing ? 'read directory' : 'list'}${where}: ${(err as Error).message}` });
      return;
    }
    if (complete) return;
    // Every known directory the pass did not list whole this time lists itself.
    const stale = [...scanner.dirs().keys()].filter((dir) => !scanner.scanned.has(dir));
    await mapLimit(stale, REMOTE_RUN_CONCURRENCY, async (dir) => {
      try {
        scanner.refreshDir(dir, await listAll(store, { prefix: dir === '' ? '' : `${dir}/`, shallow: true, filter: isEventKey }));
      } catch (err) {
        this.problem({ run: runNameOf(scanner.root, dir), file: '', message: `cannot list ${store.describe(dir)}: ${(err as Error).message}` });
      }
    });
  }

  private async loadRun(run: RunLoader): Promise<boolean> {
    try {
      return await run.load();
    } catch (err) {
      this.problem({ run: run.name, file: '', message: `reading failed: ${(err as Error).message}` });
      return false;
    }
  }

  private schedule(): void {
    if (this.closed || this.reloadIntervalMs === 0) return;
    this.timer = setTimeout(() => {
      this.reload().finally(() => this.schedule());
    }, this.reloadIntervalMs);
    this.timer.unref();
  }

  private startWatching(): void {
    for (const root of this.roots) {
      const dir = root.store.localDir;
      if (dir === null) continue; // object storage tells of no changes: polled every reload interval
      try {
        const w = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
          if (file) this.watchedDirs.add(path.dirname(path.join(dir, file.toString())));
          this.watchTimer ??= setTimeout(() => this.onWatch(), WATCH_DEBOUNCE_MS);
        });
        w.on('error', (err) => this.logger.warn(`watching ${dir} failed (${err.message}); polling only`));
        this.watchers.push(w);
      } catch (err) {
        this.logger.warn(`cannot watch ${dir} (${(err as Error).message}); polling every reload interval only`);
      }
    }
  }

  /** Loads the runs whose directories changed; a change elsewhere means a re-scan. */
  private async onWatch(): Promise<void> {
    this.watchTimer = null;
    const dirs = [...this.watchedDirs];
    this.watchedDirs.clear();
    if (this.closed) return;
    const byDir = new Map<string, { run: RunLoader; scanner: RootScanner }>();
    for (const run of this.runs.values()) {
      const scanner = this.scanners.find((s) => s.root.store === run.store);
      if (scanner && run.store.localDir !== null) byDir.set(run.store.describe(run.dir), { run, scanner });
    }
    const runs = dirs.map((d) => byDir.get(d));
    if (runs.some((r) => r === undefined)) {
      await this.reload();
      return;
    }
    this.loading++;
    try {
      const changed: string[] = [];
      for (const { run, scanner } of new Set(runs.map((r) => r!))) {
        try {
          const files = await listAll(run.store, { prefix: run.dir === '' ? '' : `${run.dir}/`, shallow: true, filter: isEventKey });
          scanner.refreshDir(run.dir, files);
          run.setFiles(scanner.filesOf(run.dir));
        } catch {
          await this.reload(); // the directory went away: a re-scan drops the run
          return;
        }
        if (await this.loadRun(run)) changed.push(run.name);
      }
      this.emit(changed);
    } finally {
      this.loading--;
    }
  }

  private emit(changed: string[]): void {
    if (changed.length === 0) return;
    const runs = [...new Set(changed)];
    for (const l of this.listeners) {
      try {
        l(runs);
      } catch (err) {
        this.logger.error(`a change listener failed: ${(err as Error).message}`);
      }
    }
  }

  private problem(p: LoadProblem): void {
    // The same problem met again on a later pass (a missing log directory) is said once.
    const key = `${p.run}\0${p.file}\0${p.message}`;
    if (this.problemKeys.has(key)) return;
    this.problemKeys.add(key);
    this.problemCount++;
    this.problems.push(p);
    if (this.problems.length > MAX_PROBLEMS) this.problems.shift();
    const where = [p.run && `run '${p.run}'`, p.file].filter(Boolean).join(', ');
    this.logger.warn(`${where}: ${p.message}`);
  }
}
