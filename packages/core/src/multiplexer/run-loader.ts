/**
 * One run: its event files, read in name order, each from where the last read stopped,
 * and the tags they filled. Bad bytes cost the record (or the file) they are in, never
 * the run: every problem is reported once and reading goes on.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { blobCountOf, scalarOf, tagMetadataOf, tensorOf, type TagMetadata } from '../events/data-compat.js';
import { readRawEvent, type RawEvent, type RawValue } from '../events/raw-event.js';
import { TfRecordReader } from '../events/tfrecord.js';
import { GRAPH_SLOTS } from './blob-key.js';
import { TagSeries } from './tag-series.js';

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
}

interface FileState {
  readonly name: string;
  readonly reader: TfRecordReader;
  size: number;
  decodeErrors: number;
  /** Whether the last read failed with an I/O error (reported once until it reads again). */
  ioError: boolean;
}

const GRAPH_TAGS: Record<number, { tag: string; plugin: string }> = {
  [GRAPH_SLOTS.graphDef]: { tag: '__run_graph__', plugin: 'graphs' },
  [GRAPH_SLOTS.metaGraphDef]: { tag: '__run_meta_graph__', plugin: 'graphs' },
};

/** The loaded state of one run directory. */
export class RunLoader {
  readonly tags = new Map<string, TagSeries>();
  startTime: number | null = null;
  loadedOnce = false;
  eventsRead = 0;
  /** Bumped on every load that added or purged data; lets readers see change. */
  generation = 0;
  private readonly files = new Map<string, FileState>();
  private order: FileState[] = [];
  private running: Promise<boolean> | null = null;
  private again = false;
  private current: FileState | null = null;
  private changed = false;

  constructor(
    readonly name: string,
    readonly dir: string,
    private readonly ctx: RunContext,
  ) {}

  /** Bytes read so far and bytes on disk, over the run's event files. */
  get bytes(): { read: number; total: number } {
    let read = 0;
    let total = 0;
    for (const f of this.order) {
      read += f.reader.ended ? f.size : Math.min(f.reader.offset, f.size);
      total += f.size;
    }
    return { read, total };
  }

  /** Records dropped so far: bad data checksums and bytes that are not an Event. */
  get recordsSkipped(): number {
    let n = 0;
    for (const f of this.order) n += f.reader.crcErrorCount + f.decodeErrors;
    return n;
  }

  /** Names of the run's event files, in read order. */
  get fileNames(): string[] {
    return this.order.map((f) => f.name);
  }

  /** Lists the run's event files and their sizes (cheap; no reading). */
  async refreshFiles(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.dir, { withFileTypes: true }))
        .filter((d) => (d.isFile() || d.isSymbolicLink()) && isEventFileName(d.name))
        .map((d) => d.name)
        .sort();
    } catch (err) {
      names = [];
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.ctx.problem({ run: this.name, file: '', message: `cannot list ${this.dir}: ${(err as Error).message}` });
      }
    }
    const next: FileState[] = [];
    for (const name of names) {
      let f = this.files.get(name);
      if (!f) {
        f = { name, reader: new TfRecordReader(path.join(this.dir, name)), size: 0, decodeErrors: 0, ioError: false };
        this.files.set(name, f);
      }
      try {
        const st = await stat(path.join(this.dir, name));
        if (!st.isFile()) continue;
        f.size = st.size;
      } catch {
        continue; // A dangling link, or gone since the listing.
      }
      next.push(f);
    }
    for (const name of this.files.keys()) if (!names.includes(name)) this.files.delete(name);
    this.order = next;
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
    await this.refreshFiles();
    this.changed = false;
    const files = this.order;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      if (f.reader.ended || f.reader.offset >= f.size) continue;
      this.current = f;
      let report;
      try {
        report = await f.reader.read(this.sink, { final: i < files.length - 1 });
      } catch (err) {
        // An I/O error (e.g. permissions) costs this file for this pass, not the run.
        if (!f.ioError) this.ctx.problem({ run: this.name, file: f.name, message: `cannot read: ${(err as Error).message}` });
        f.ioError = true;
        continue;
      } finally {
        this.current = null;
      }
      f.ioError = false;
      for (const message of report.problems) {
        const prefix = `${f.reader.path}: `;
        this.ctx.problem({ run: this.name, file: f.name, message: message.startsWith(prefix) ? message.slice(prefix.length) : message });
      }
    }
    this.loadedOnce = true;
    if (this.changed) this.generation++;
    return this.changed;
  }

  private readonly sink = (data: Uint8Array, offset: number): void => {
    const f = this.current!;
    let ev: RawEvent;
    try {
      ev = readRawEvent(data);
    } catch (err) {
      if (f.decodeErrors++ === 0) {
        this.ctx.problem({
          run: this.name,
          file: f.name,
          message: `record at offset ${offset} is not a valid Event (${(err as Error).message}); skipped`,
        });
      }
      return;
    }
    this.eventsRead++;
    this.ingest(ev, f, offset);
  };

  private ingest(ev: RawEvent, f: FileState, offset: number): void {
    if (this.startTime === null) this.startTime = ev.wallTime;
    if (ev.sessionLogStatus === 1) this.purgeAll(ev.step);
    if (ev.values) {
      for (let i = 0; i < ev.values.length; i++) {
        try {
          this.addValue(ev, ev.values[i]!, i, f, offset);
        } catch (err) {
          if (f.decodeErrors++ === 0) {
            this.ctx.problem({
              run: this.name,
              file: f.name,
              message: `value '${ev.values[i]!.tag}' at offset ${offset} cannot be decoded (${(err as Error).message}); skipped`,
            });
          }
        }
      }
    }
    if (ev.graphDef) this.addGraph(GRAPH_SLOTS.graphDef, ev, f, offset);
    if (ev.metaGraphDef) this.addGraph(GRAPH_SLOTS.metaGraphDef, ev, f, offset);
    if (ev.taggedRunMetadata) {
      const series = this.series(ev.taggedRunMetadata.tag, () => blobMetadata('graph_run_metadata'), f, ev.step);
      this.addBlob(series, ev, f, offset, GRAPH_SLOTS.taggedRunMetadata, 1);
    }
  }

  private addValue(ev: RawEvent, v: RawValue, index: number, f: FileState, offset: number): void {
    const series = this.series(v.tag, () => tagMetadataOf(v), f, ev.step);
    const s = series.storage;
    if (s.kind === 'scalar') {
      s.points.push(ev.step, ev.wallTime, scalarOf(v));
    } else if (s.kind === 'tensor') {
      s.points.add({ step: ev.step, wallTime: ev.wallTime, value: tensorOf(v) });
    } else {
      this.addBlob(series, ev, f, offset, index, blobCountOf(v));
      return;
    }
    series.touch(ev.step, ev.wallTime);
    this.changed = true;
  }

  private addGraph(slot: number, ev: RawEvent, f: FileState, offset: number): void {
    const g = GRAPH_TAGS[slot]!;
    this.addBlob(this.series(g.tag, () => blobMetadata(g.plugin), f, ev.step), ev, f, offset, slot, 1);
  }

  private addBlob(series: TagSeries, ev: RawEvent, f: FileState, offset: number, slot: number, blobCount: number): void {
    if (series.storage.kind !== 'blob') return;
    series.storage.points.add({ step: ev.step, wallTime: ev.wallTime, file: f.name, offset, slot, blobCount });
    series.touch(ev.step, ev.wallTime);
    this.changed = true;
  }

  /**
   * The series of `tag`, made on first sight. A tag's first point in a file that is not
   * the first to hold it, at a step at or below what it already has, is a restarted
   * job: its points from that step on are dropped (TensorBoard's purge of orphaned data).
   */
  private series(tag: string, metadata: () => TagMetadata, f: FileState, step: number): TagSeries {
    let series = this.tags.get(tag);
    if (!series) {
      const md = metadata();
      series = new TagSeries(tag, md, this.ctx.capacityFor(md.pluginName));
      this.tags.set(tag, series);
    } else if (series.lastFile !== f && step <= series.maxStep) {
      if (series.purgeFrom(step) > 0) this.changed = true;
    }
    series.lastFile = f;
    return series;
  }

  private purgeAll(step: number): void {
    for (const series of this.tags.values()) if (series.purgeFrom(step) > 0) this.changed = true;
  }
}

function blobMetadata(pluginName: string): TagMetadata {
  return { pluginName, dataClass: 'blob_sequence', displayName: '', description: '', pluginContent: new Uint8Array(0) };
}
