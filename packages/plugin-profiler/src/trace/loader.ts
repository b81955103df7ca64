/**
 * Loads profiles off the server's thread: a small pool of worker threads (at most
 * `availableParallelism() - 1`, at least one) each parse and analyse one profile at a
 * time; further loads queue. A file's chunks stream into the worker as they are read
 * (their buffers transferred, at most {@link MAX_IN_FLIGHT} bytes ahead of the parser), so
 * the calling thread never parses. A worker that fails or dies rejects its load only,
 * with a message naming the profile, and the pool starts another. Run from TypeScript
 * sources (tests), where no built ./worker.js exists, loads run on the calling thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProfileKind } from './discover.js';
import { abortReason, describeId, loadError } from './load-errors.js';
import { type ProfileAnalysis, runLoadJob } from './load-job.js';
import type { FromWorker, ToWorker } from './loader-protocol.js';
import { ownedCopy } from './transfer.js';
import type { ProfileId } from './types.js';

/** Bytes sent to a worker and not yet taken by its parser, before reading waits. */
export const MAX_IN_FLIGHT = 8 << 20;

/** A profile file to load. */
export interface ProfileSource {
  readonly id: ProfileId;
  readonly kind: ProfileKind;
  /** The file's size in bytes (the `total` of progress). */
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** Options of one {@link ProfileLoader.load}. */
export interface LoadOptions {
  readonly signal?: AbortSignal;
  /** Input bytes the parser has taken, of `total` (the source's size). */
  readonly onProgress?: (p: { bytes: number; total: number }) => void;
  /** A recoverable problem (e.g. a truncated trace whose earlier events were kept). */
  readonly onWarning?: (message: string) => void;
  /** The worker's peak heap during the load, in bytes (not called inline). */
  readonly onStats?: (s: { peakHeap: number }) => void;
}

/** Options of a {@link ProfileLoader}. */
export interface LoaderOptions {
  /** Most worker threads (default max(1, availableParallelism() - 1)). */
  readonly workers?: number;
  /** The worker module; default the built ./worker.js beside this file, null for inline loads. */
  readonly script?: URL | null;
  /** Each worker's old-generation heap limit in MiB (default 4096): running out fails that load only. */
  readonly maxHeapMb?: number;
}

interface Job {
  readonly n: number;
  readonly source: ProfileSource;
  readonly opts: LoadOptions;
  readonly resolve: (p: ProfileAnalysis) => void;
  readonly reject: (e: Error) => void;
  settled: boolean;
  sent: number;
  taken: number;
  wake: (() => void) | null;
  cleanup: () => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  dead: boolean;
}

/** Parses and analyses profiles in worker threads; see the file comment. */
export class ProfileLoader {
  /** Where loads run. */
  readonly mode: 'worker' | 'inline';
  private readonly script: URL | null;
  private readonly maxWorkers: number;
  private readonly maxHeapMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextJob = 1;
  private closed = false;

  constructor(options: LoaderOptions = {}) {
    const script = options.script === undefined ? new URL('./worker.js', import.meta.url) : options.script;
    this.script = script && existsSync(fileURLToPath(script)) ? script : null;
    this.mode = this.script ? 'worker' : 'inline';
    this.maxWorkers = Math.max(1, options.workers ?? availableParallelism() - 1);
    this.maxHeapMb = options.maxHeapMb ?? 4096;
  }

  /** The analysis of `source`; rejects with the signal's reason when it is aborted. */
  load(source: ProfileSource, opts: LoadOptions = {}): Promise<ProfileAnalysis> {
    if (this.closed) return Promise.reject(new Error('the profile loader is closed'));
    if (opts.signal?.aborted) return Promise.reject(abortReason(opts.signal));
    if (!this.script) return this.loadInline(source, opts);
    return new Promise<ProfileAnalysis>((resolve, reject) => {
      const job: Job = { n: this.nextJob++, source, opts, resolve, reject, settled: false, sent: 0, taken: 0, wake: null, cleanup: () => {} };
      const onAbort = () => this.abort(job, abortReason(opts.signal!));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      job.cleanup = () => opts.signal?.removeEventListener('abort', onAbort);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops the workers; pending and queued loads reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const err = new Error('the profile loader is closed');
    for (const job of this.queue.splice(0)) settle(job, err);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.dead = true;
        if (slot.job) settle(slot.job, err);
        return slot.worker.terminate();
      }),
    );
  }

  private async loadInline(source: ProfileSource, opts: LoadOptions): Promise<ProfileAnalysis> {
    const total = source.size;
    async function* counted(): AsyncGenerator<Uint8Array> {
      let bytes = 0;
      for await (const chunk of source.chunks()) {
        yield chunk;
        bytes += chunk.length;
        opts.onProgress?.({ bytes, total });
      }
    }
    const work = runLoadJob(source.kind, source.id, counted(), { signal: opts.signal, onWarning: opts.onWarning });
    if (!opts.signal) return work.catch((e: unknown) => Promise.reject(loadError(source.id, e)));
    const signal = opts.signal;
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([work.catch((e: unknown) => Promise.reject(signal.aborted ? abortReason(signal) : loadError(source.id, e))), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      work.catch(() => {});
    }
  }

  /** Starts queued jobs on idle workers, starting workers up to the limit. */
  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.job && !s.dead);
      if (!slot) {
        if (this.slots.length >= this.maxWorkers) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a load in progress keeps the process alive; an idle worker does not
      void this.feed(slot, job);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script!, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    worker.unref();
    const slot: Slot = { worker, job: null, dead: false };
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.lost(slot, `failed: ${err.message}`));
    worker.on('exit', (code) => this.lost(slot, `stopped (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  /** Streams the job's chunks into the worker, no more than MAX_IN_FLIGHT ahead of its parser. */
  private async feed(slot: Slot, job: Job): Promise<void> {
    const post = (msg: ToWorker, transfer: ArrayBuffer[] = []) => {
      if (!slot.dead) slot.worker.postMessage(msg, transfer);
    };
    post({ type: 'start', job: job.n, id: job.source.id, kind: job.source.kind });
    try {
      for await (const chunk of job.source.chunks()) {
        if (job.settled || slot.dead) return;
        const bytes = ownedCopy(chunk);
        post({ type: 'chunk', job: job.n, bytes }, [bytes.buffer as ArrayBuffer]);
        job.sent += bytes.length;
        while (job.sent - job.taken > MAX_IN_FLIGHT && !job.settled && !slot.dead) {
          await new Promise<void>((resolve) => (job.wake = resolve));
        }
      }
      post({ type: 'end', job: job.n });
    } catch (err) {
      const e = loadError(job.source.id, err, 'could not read');
      post({ type: 'cancel', job: job.n, reason: e.message });
      settle(job, e);
    }
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    const job = slot.job;
    if (!job || job.n !== msg.job) return;
    if (msg.type === 'consumed') {
      job.taken = msg.bytes;
      wake(job);
      if (!job.settled) job.opts.onProgress?.({ bytes: msg.bytes, total: job.source.size });
      return;
    }
    if (msg.type === 'warning') {
      if (!job.settled) job.opts.onWarning?.(msg.message);
      return;
    }
    if (msg.type === 'done') {
      if (!job.settled) job.opts.onStats?.({ peakHeap: msg.peakHeap });
      settle(job, null, msg.profile);
    } else {
      settle(job, loadError(job.source.id, Object.assign(new Error(msg.message), { name: msg.name })));
    }
    slot.job = null;
    slot.worker.unref();
    this.pump();
  }

  /** The worker died: its load fails, the pool forgets it (the next load starts another). */
  private lost(slot: Slot, how: string): void {
    const wasDead = slot.dead;
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.job && !wasDead) {
      // Out of heap: say how big a trace the worker can hold (about 2.5 GB of heap per 600 MB of trace JSON, measured).
      const hint = /memory limit|heap out of memory/i.test(how)
        ? ` (the trace needs more than the loader's ${this.maxHeapMb} MB worker heap: traces up to about 900 MB of JSON fit)`
        : '';
      settle(slot.job, new Error(`could not load the profile ${describeId(slot.job.source.id)}: its worker thread ${how}${hint}`));
    }
    slot.job = null;
    if (!wasDead) void slot.worker.terminate();
    this.pump();
  }

  private abort(job: Job, reason: Error): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    settle(job, reason);
    const slot = this.slots.find((s) => s.job === job);
    if (slot) {
      // Parsing and analysis are synchronous in the worker: stopping it is the prompt way.
      slot.dead = true;
      slot.job = null;
      this.slots.splice(this.slots.indexOf(slot), 1);
      void slot.worker.terminate();
      this.pump();
    }
  }
}

function settle(job: Job, err: Error | null, profile?: ProfileAnalysis): void {
  if (job.settled) return;
  job.settled = true;
  job.cleanup();
  wake(job);
  if (err) job.reject(err);
  else job.resolve(profile!);
}

function wake(job: Job): void {
  const w = job.wake;
  job.wake = null;
  w?.();
}
