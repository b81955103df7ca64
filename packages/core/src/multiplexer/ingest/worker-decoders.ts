/**
 * The calling thread's side of the ingest workers: sends each read to the worker that
 * holds the run, serves its requests for bytes from the store, and hands back the batch.
 * A worker is referenced only while it has reads in flight, so an idle pool never keeps
 * the process alive. A worker that dies takes its runs' readers with it: their next read
 * fails with code EDECODERLOST, and the run is read again from scratch.
 */
import { Worker } from 'node:worker_threads';
import { StoreNotFoundError, type StoreFile } from '../../storage/store.js';
import type { FromWorker, ToWorker } from './messages.js';
import type { FileRef, IngestPool } from './pool.js';
import type { EventBatch } from './batch.js';
import type { ReadRequest, ReadResult } from './run-decoder.js';

interface Pending {
  readonly file: StoreFile | null;
  readonly onBatch: (batch: EventBatch) => void;
  readonly resolve: (r: ReadResult) => void;
  readonly reject: (e: Error) => void;
}

class Slot {
  worker: Worker;
  /** Bumped when the worker is replaced: what the old one held is gone. */
  generation = 0;
  inFlight = 0;
  /** Runs whose readers live in this worker. */
  readonly runs = new Set<string>();

  constructor(
    private readonly script: URL,
    private readonly onMessage: (slot: Slot, m: FromWorker) => void,
    private readonly onDeath: (slot: Slot, err: Error) => void,
  ) {
    this.worker = this.spawn();
  }

  spawn(): Worker {
    const w = new Worker(this.script);
    w.on('message', (m: FromWorker) => this.onMessage(this, m));
    w.on('error', (err) => this.onDeath(this, err));
    w.on('exit', (code) => {
      if (this.worker === w) this.onDeath(this, new Error(`ingest worker exited with code ${code}`));
    });
    // After the listeners: adding a 'message' listener references the worker again.
    w.unref();
    return w;
  }

  begin(): void {
    if (this.inFlight++ === 0) this.worker.ref();
  }

  end(): void {
    if (--this.inFlight === 0) this.worker.unref();
  }
}

export class WorkerDecoders implements IngestPool {
  readonly parallelism: number;
  private readonly slots: Slot[];
  private readonly home = new Map<string, Slot>();
  private readonly lost = new Set<string>();
  private readonly pending = new Map<number, Pending & { slot: Slot }>();
  private nextId = 0;
  /** Workers that died and were replaced (their runs read again). */
  restarts = 0;

  constructor(script: URL, count: number) {
    this.slots = Array.from({ length: count }, () => new Slot(script, (s, m) => this.onMessage(s, m), (s, e) => this.onDeath(s, e)));
    // Two runs a worker: one decodes while the other waits for its next chunk.
    this.parallelism = count * 2;
  }

  async read(run: string, req: ReadRequest, ref: FileRef, onBatch: (batch: EventBatch) => void): Promise<ReadResult> {
    if (this.lost.has(run)) throw Object.assign(new Error('the worker decoding this run stopped; it is read again'), { code: 'EDECODERLOST' });
    let slot = this.home.get(run);
    if (!slot) {
      slot = this.slots.reduce((a, b) => (b.runs.size < a.runs.size ? b : a));
      slot.runs.add(run);
      this.home.set(run, slot);
    }
    const generation = slot.generation;
    let file: StoreFile | null = null;
    let missing: string | undefined;
    try {
      file = await ref.store.open(ref.key, { size: ref.size, sequential: true });
    } catch (err) {
      if (!(err instanceof StoreNotFoundError) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing = (err as Error).message;
    }
    if (slot.generation !== generation) {
      // The worker died while the file was being opened: the run's readers went with it.
      await file?.close();
      throw Object.assign(new Error('the worker decoding this run stopped; it is read again'), { code: 'EDECODERLOST' });
    }
    const id = this.nextId++;
    const s = slot;
    s.begin();
    try {
      return await new Promise<ReadResult>((resolve, reject) => {
        this.pending.set(id, { file, onBatch, resolve, reject, slot: s });
        const m: ToWorker = { t: 'read', id, run, req, size: file?.size ?? 0, ...(missing !== undefined ? { missing } : {}) };
        s.worker.postMessage(m);
      });
    } finally {
      this.pending.delete(id);
      s.end();
      await file?.close();
    }
  }

  drop(run: string): void {
    this.lost.delete(run);
    const slot = this.home.get(run);
    if (!slot) return;
    this.home.delete(run);
    slot.runs.delete(run);
    slot.worker.postMessage({ t: 'drop', run } satisfies ToWorker);
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.t === 'done') {
      p.resolve(m.result);
      return;
    }
    if (m.t === 'batch') {
      p.onBatch(m.batch);
      return;
    }
    const reply = (r: Omit<Extract<ToWorker, { t: 'bytes' }>, 't' | 'id' | 'req'>, transfer: ArrayBuffer[] = []) =>
      slot.worker.postMessage({ t: 'bytes', id: m.id, req: m.req, ...r } satisfies ToWorker, transfer);
    const buf = new Uint8Array(m.length);
    p.file!.read(buf, 0, m.length, m.position).then(
      (n) => reply({ bytes: n === buf.length ? buf : buf.subarray(0, n) }, [buf.buffer]),
      (err: NodeJS.ErrnoException) => reply({ error: { message: err.message, ...(err.code ? { code: err.code } : {}) } }),
    );
  }

  private onDeath(slot: Slot, err: Error): void {
    this.restarts++;
    for (const run of slot.runs) {
      this.lost.add(run);
      this.home.delete(run);
    }
    slot.runs.clear();
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(Object.assign(new Error(`the worker decoding this run stopped (${err.message}); it is read again`), { code: 'EDECODERLOST' }));
    }
    slot.worker.removeAllListeners();
    slot.generation++;
    slot.worker = slot.spawn();
    if (slot.inFlight > 0) slot.worker.ref();
  }
}
