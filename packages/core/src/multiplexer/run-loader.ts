/**
 * One run: its event files, read in name order, each from where the last read stopped,
 * and the tags they filled. Decoding happens in the ingest pool (worker threads); what
 * it makes is applied here, in read order. Bad bytes cost the record (or the file) they
 * are in, never the run: every problem is reported once and reading goes on. A file
 * rewritten under the same name (a job restarted with the same file name) makes the run
 * be read again from scratch, into fresh data that replaces the old only once it is whole.
 */
import { storeSource, type RecordSource } from '../events/record-source.js';
import { baseName, compareKeys, type LogStore, type StoreEntry } from '../storage/store.js';
import type { EventBatch } from './ingest/batch.js';
import type { IngestPool } from './ingest/pool.js';
import { RunData } from './run-data.js';
import type { TagSeries } from './tag-series.js';

/** True for the names TensorBoard treats as event files. */
export function isEventFileName(name: string): boolean {
  return name.includes('tfevents');
}

/** A problem met while reading, for the log and the loading status. */
export interface LoadProblem {
  readonly run: string;
  readonly file: string;
  readonly message: string;
}

/** What a run needs from its owner. */
export interface RunContext {
  /** Most points kept per tag of a plugin; 0 keeps all. */
  capacityFor(pluginName: string): number;
  problem(p: LoadProblem): void;
  /** Where the run's files are decoded. */
  readonly ingest: IngestPool;
}

interface FileState {
  readonly name: string;
  /** Size and version (mtime, ETag) at the last listing. */
  size: number;
  version: string;
  /** Size and version at the listing before the last read (-1: never read). */
  readSize: number;
  readVersion: string;
  /** The reader's state after its last read (it lives where the run is decoded). */
  offset: number;
  ended: boolean;
  crcErrors: number;
  decodeErrors: number;
  /** Whether the last read failed with an I/O error (reported once until it reads again). */
  ioError: boolean;
}

let runIds = 0;
/** Readings from scratch in a row before a run is shown as it is (its files keep changing under the reader). */
const READ_AGAIN_ATTEMPTS = 3;

/** The loaded state of one run directory. */
export class RunLoader {
  loadedOnce = false;
  eventsRead = 0;
  /** Bumped on every load that added or purged data; lets readers see change. */
  generation = 0;
  private data: RunData;
  private files = new Map<string, FileState>();
  private order: FileState[] = [];
  private running: Promise<boolean> | null = null;
  private again = false;
  private changed = false;
  /** Names this reading of the run in the ingest pool; a new one when it is read again from scratch. */
  private uid = `${++runIds}`;

  /**
   * @param store where the run's files are
   * @param dir the run's directory key in the store ('' for the root)
   */
  constructor(
    readonly name: string,
    readonly store: LogStore,
    readonly dir: string,
    private readonly ctx: RunContext,
  ) {
    this.data = this.newData();
  }

  /** The run's series by tag. */
  get tags(): ReadonlyMap<string, TagSeries> {
    return this.data.tags;
  }

  /** Wall time of the run's first event, or null before any. */
  get startTime(): number | null {
    return this.data.startTime;
  }

  /** Bytes read so far and bytes on disk, over the run's event files. */
  get bytes(): { read: number; total: number } {
    let read = 0;
    let total = 0;
    for (const f of this.order) {
      read += f.ended ? f.size : Math.min(f.offset, f.size);
      total += f.size;
    }
    return { read, total };
  }

  /** Records dropped so far: bad data checksums and bytes that are not an Event. */
  get recordsSkipped(): number {
    let n = 0;
    for (const f of this.order) n += f.crcErrors + f.decodeErrors;
    return n;
  }

  /** Names of the run's event files, in read order. */
  get fileNames(): string[] {
    return this.order.map((f) => f.name);
  }

  /** Where the run's directory is, for messages. */
  get location(): string {
    return this.store.describe(this.dir);
  }

  /** The event file `name` of this run, to read one record of (a blob). */
  sourceFor(name: string): RecordSource | null {
    const f = this.files.get(name);
    return f ? storeSource(this.store, this.keyOf(name), () => ({ size: f.size })) : null;
  }

  /**
   * Sets the run's event files as a listing found them (cheap; no reading): their
   * sizes and versions say what {@link load} has to read.
   */
  setFiles(entries: readonly StoreEntry[]): void {
    const sorted = entries.map((e) => ({ e, name: baseName(e.key) })).sort((a, b) => compareKeys(a.name, b.name));
    const next: FileState[] = [];
    for (const { e, name } of sorted) {
      let f = this.files.get(name);
      if (!f) {
        f = this.newFile(name);
        this.files.set(name, f);
      }
      f.size = e.size;
      f.version = e.version;
      next.push(f);
    }
    const names = new Set(sorted.map((x) => x.name));
    for (const name of [...this.files.keys()]) if (!names.has(name)) this.files.delete(name);
    this.order = next;
  }

  /** Lets go of the run's readers in the ingest pool (the run is gone). */
  dispose(): void {
    this.ctx.ingest.drop(this.uid);
  }

  /**
   * Reads whatever is new in the run's files. Calls made while a load runs are folded
   * into one more pass after it. Resolves to whether any data changed.
   */
  load(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let changed = false;
      try {
        do {
          this.again = false;
          changed = (await this.loadOnce()) || changed;
        } while (this.again);
      } finally {
        this.running = null;
      }
      return changed;
    })();
    return this.running;
  }

  private async loadOnce(): Promise<boolean> {
    this.changed = false;
    if (await this.readFiles(this.order, this.data)) await this.readAgain();
    this.loadedOnce = true;
    if (this.changed) this.generation++;
    return this.changed;
  }

  /**
   * A file was rewritten: what it gave (and what it purged of other files) is stale.
   * Reads every file again from its start into fresh data, then swaps it in, so that
   * readers see the old data until the new is whole.
   */
  private async readAgain(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const files = this.order.map((old) => {
        const f = this.newFile(old.name);
        f.size = old.size;
        f.version = old.version;
        return f;
      });
      const data = this.newData();
      this.ctx.ingest.drop(this.uid);
      this.uid = `${++runIds}`;
      const again = await this.readFiles(files, data);
      // Rewritten again (or its decoder lost) while being read: what was read is stale too.
      if (again && attempt < READ_AGAIN_ATTEMPTS) continue;
      if (again) this.ctx.problem({ run: this.name, file: '', message: `read again ${attempt} times, changing each time; showing what the last reading found` });
      this.data = data;
      this.files = new Map(files.map((f) => [f.name, f]));
      this.order = files;
      this.changed = true;
      return;
    }
  }

  /**
   * Reads what is new in `files` into `data`. Stops and returns true as soon as one
   * of them turns out to have been rewritten (or its decoder was lost).
   */
  private async readFiles(files: readonly FileState[], data: RunData): Promise<boolean> {
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      const unchanged = f.size === f.readSize && f.version === f.readVersion;
      if (unchanged && (f.ended || f.offset >= f.size)) continue;
      f.readSize = f.size;
      f.readVersion = f.version;
      const key = this.keyOf(f.name);
      let res;
      try {
        res = await this.ctx.ingest.read(this.uid, { file: f.name, name: this.store.describe(key), final: i < files.length - 1 }, { store: this.store, key, size: f.size }, (part) =>
          this.take(data, part),
        );
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EDECODERLOST') return true;
        this.ioFailed(f, err as Error);
        continue;
      }
      f.offset = res.facts.offset;
      f.ended = res.facts.ended;
      f.crcErrors = res.facts.crcErrors;
      f.decodeErrors = res.facts.decodeErrors;
      this.take(data, res.batch);
      for (const message of res.problems) this.ctx.problem({ run: this.name, file: f.name, message });
      if (res.error) {
        // An I/O error (e.g. permissions, a store that keeps failing) costs this file for this pass, not the run.
        this.ioFailed(f, res.error);
        continue;
      }
      f.ioError = false;
      if (res.report.replaced) return true;
    }
    return false;
  }

  /** Stores a batch (or a part of one) that a read made. */
  private take(data: RunData, batch: EventBatch): void {
    this.eventsRead += batch.events;
    if (data.apply(batch)) this.changed = true;
  }

  private ioFailed(f: FileState, err: { message: string }): void {
    if (!f.ioError) this.ctx.problem({ run: this.name, file: f.name, message: `cannot read: ${err.message}` });
    f.ioError = true;
  }

  private keyOf(name: string): string {
    return this.dir === '' ? name : `${this.dir}/${name}`;
  }

  private newFile(name: string): FileState {
    return { name, size: 0, version: '', readSize: -1, readVersion: '', offset: 0, ended: false, crcErrors: 0, decodeErrors: 0, ioError: false };
  }

  private newData(): RunData {
    return new RunData((plugin) => this.ctx.capacityFor(plugin));
  }
}
