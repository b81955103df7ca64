/**
 * The profiles of one log root: which runs, workers and spans have one (the listing of
 * trace and XSpace files, trusted for a second), and each profile loaded once, in the
 * loader's worker threads, when the page first asks about its run. A profile whose file
 * changed (size or mtime) is loaded again; at most {@link MAX_PROFILES} stay in memory.
 * A file that fails to load costs that profile only: its routes answer the reason.
 */
import { type DataProvider, type Logger, NotFoundError } from '@tb/core/plugin';
import { discoverProfiles, type ProfileFile, type ProfileListing, PROFILE_FILES } from '../trace/discover.js';
import { sharedLoader } from '../trace/shared-loader.js';
import { type LoadedProfile, viewsOf } from './answers.js';
import type { LoadProgress } from './progress.js';

export type { LoadProgress } from './progress.js';

/** Profiles kept in memory at once (the least recently used goes first). */
export const MAX_PROFILES = 8;
const LISTING_TTL_MS = 1000;
const CHUNK = 1 << 20;


interface Entry {
  readonly signature: string;
  readonly promise: Promise<LoadedProfile>;
  progress: LoadProgress;
}

const key = (run: string, worker: string, span: string) => `${run}\u0000${worker}\u0000${span}`;

export class ProfileStore {
  private listed: Promise<ProfileListing> | null = null;
  private listedAt = 0;
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly data: DataProvider,
    private readonly logger: Logger,
  ) {}

  /** The profiles on disk now (listed at most once a second). */
  listing(): Promise<ProfileListing> {
    const now = Date.now();
    if (!this.listed || now - this.listedAt > LISTING_TTL_MS) {
      this.listedAt = now;
      this.listed = this.data.listFiles(PROFILE_FILES).then(discoverProfiles);
    }
    return this.listed;
  }

  /** torch-tb-profiler's `runs` answer: every run with a profile, and whether any is loading. */
  async runsAnswer(): Promise<{ runs: string[]; loading: boolean }> {
    const listing = await this.listing();
    const loading = [...this.entries.values()].some((e) => e.progress.state === 'loading');
    return { runs: listing.runs.map((r) => r.name), loading };
  }

  /** The views the run's profiles offer, in torch-tb-profiler's order (loads them all). */
  async views(run: string): Promise<string[]> {
    const profiles = await this.runProfiles(run);
    const seen = new Set<string>();
    for (const p of profiles) for (const v of viewsOf(p.profile)) seen.add(v);
    return VIEW_ORDER.filter((v) => seen.has(v));
  }

  /** The run's workers that have `view` (all of them without one). */
  async workers(run: string, view?: string): Promise<string[]> {
    const entry = await this.runEntry(run);
    if (view === undefined) return entry.workers.map((w) => w.name);
    const profiles = await this.runProfiles(run);
    const out: string[] = [];
    for (const w of entry.workers) {
      if (profiles.some((p) => p.id.worker === w.name && viewsOf(p.profile).includes(view))) out.push(w.name);
    }
    return out;
  }

  /** The spans of (run, worker), "1", "2", ... */
  async spans(run: string, worker: string): Promise<string[]> {
    const entry = await this.runEntry(run);
    const w = entry.workers.find((x) => x.name === worker);
    if (!w) throw new NotFoundError(`run '${run}' has no worker '${worker}'`);
    return w.spans.map((s) => s.span);
  }

  /** The loaded profiles of every worker of (run, span), for the distributed view. */
  async spanProfiles(run: string, span: string): Promise<LoadedProfile[]> {
    const entry = await this.runEntry(run);
    const files = entry.workers.flatMap((w) => w.spans.filter((s) => s.span === span));
    if (files.length === 0) throw new NotFoundError(`run '${run}' has no span ${span}`);
    return Promise.all(files.map((f) => this.load(f, entry.workers.length).promise));
  }

  /** The loaded profile of (run, worker, span); loads it if needed. */
  async profile(run: string, worker: string, span: string): Promise<LoadedProfile> {
    const file = await this.file(run, worker, span);
    return this.load(file, (await this.runEntry(run)).workers.length).promise;
  }

  /** How the load of (run, worker, span) goes, without waiting for it; starts it if needed. */
  async progress(run: string, worker: string, span: string): Promise<LoadProgress> {
    const file = await this.file(run, worker, span);
    return this.load(file, (await this.runEntry(run)).workers.length).progress;
  }

  private async runEntry(run: string) {
    const listing = await this.listing();
    const entry = listing.runs.find((r) => r.name === run);
    if (!entry) throw new NotFoundError(`no profile in run '${run}'`);
    return entry;
  }

  private async file(run: string, worker: string, span: string): Promise<ProfileFile> {
    const entry = await this.runEntry(run);
    const file = entry.workers.find((w) => w.name === worker)?.spans.find((s) => s.span === span);
    if (!file) throw new NotFoundError(`could not find the profile for ${run}/${worker}/${span}`);
    return file;
  }

  private async runProfiles(run: string): Promise<LoadedProfile[]> {
    const entry = await this.runEntry(run);
    const files = entry.workers.flatMap((w) => w.spans);
    const settled = await Promise.allSettled(files.map((f) => this.load(f, entry.workers.length).promise));
    const loaded = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (loaded.length === 0 && settled[0]?.status === 'rejected') throw settled[0].reason;
    return loaded;
  }

  private load(file: ProfileFile, workerCount: number): Entry {
    const k = key(file.run, file.worker, file.span);
    const signature = `${file.path}:${file.size}:${file.mtime}`;
    const existing = this.entries.get(k);
    if (existing && existing.signature === signature) {
      this.entries.delete(k);
      this.entries.set(k, existing); // most recently used last
      return existing;
    }
    const data = this.data;
    const entry: Entry = {
      signature,
      progress: { state: 'loading', file: file.path, bytes: 0, total: file.size },
      promise: Promise.resolve(null as unknown as LoadedProfile),
    };
    const id = { run: file.run, worker: file.worker, span: file.span };
    const started = Date.now();
    (entry as { promise: Promise<LoadedProfile> }).promise = sharedLoader()
      .load(
        {
          id,
          kind: file.kind,
          size: file.size,
          // Streamed from disk as the worker's parser takes it: the file is never whole in memory.
          chunks: () => data.readFileChunks(file.path, { chunkBytes: CHUNK }),
        },
        { onProgress: (p) => (entry.progress = { state: 'loading', file: file.path, bytes: p.bytes, total: p.total }) },
      )
      .then(
        (profile): LoadedProfile => {
          entry.progress = { state: 'loaded', file: file.path, bytes: file.size, total: file.size };
          this.logger.info(`profile: loaded ${file.path} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          return { id, file, profile, workerCount, readRaw: () => data.readFile(file.path) };
        },
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          entry.progress = { state: 'failed', file: file.path, bytes: 0, total: file.size, error: message };
          this.logger.warn(`profile: could not load ${file.path}: ${message}`);
          throw new NotFoundError(`could not load the profile ${file.path}: ${message}`);
        },
      );
    entry.promise.catch(() => {});
    this.entries.set(k, entry);
    while (this.entries.size > MAX_PROFILES) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }
}

/** torch-tb-profiler's view order, then ours for TensorFlow profiles. */
export const VIEW_ORDER = ['Overview', 'Step Time', 'Op Stats', 'Operator', 'Kernel', 'Trace', 'Memory', 'Module', 'Lightning', 'Distributed'];

const stores = new WeakMap<DataProvider, ProfileStore>();

/** The store of `data` (one per log root). */
export function storeFor(data: DataProvider, logger: Logger): ProfileStore {
  let s = stores.get(data);
  if (!s) stores.set(data, (s = new ProfileStore(data, logger)));
  return s;
}
