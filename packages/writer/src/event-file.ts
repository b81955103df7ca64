/**
 * One event file: `events.out.tfevents.<seconds>.<host>.<pid>.<n><suffix>`, created at
 * construction with its first record, the file version `brain.Event:2`. Records are
 * framed at once and queued; the queue is written asynchronously when it holds
 * `maxQueue` records, every `flushSecs`, on flush() and close(), when the process is
 * about to go idle ('beforeExit'), and synchronously at 'exit' for writers never closed.
 *
 * Each write goes to an offset chosen when it starts, so the synchronous write at exit
 * can repeat a write that was still under way, and a failed write is tried again from
 * its own offset by the next one: the file stays whole.
 */
import { closeSync, mkdirSync, openSync, write as fsWrite, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventProto } from './messages.js';
import { frameRecord } from './record.js';

export interface EventFileOptions {
  /** Seconds between automatic flushes (PyTorch's default, 120). */
  readonly flushSecs?: number;
  /** Queued records that trigger a write (PyTorch's default, 10). */
  readonly maxQueue?: number;
  /** Appended to the file name. */
  readonly filenameSuffix?: string;
}

let fileCounter = 0;
const open = new Set<EventFile>();
let exitHooked = false;

/** A chunk handed to an asynchronous write, and where in the file it goes. */
interface Pending {
  readonly at: number;
  readonly bytes: Uint8Array;
}

export class EventFile {
  readonly path: string;
  private fd: number | null;
  private queue: Uint8Array[] = [];
  /** Bytes given a place in the file so far. */
  private size = 0;
  private pending: Pending | null = null;
  /** The write under way, and the one that will follow it (everything queued meanwhile). */
  private inFlight: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  /** A failed automatic write, reported by the next flush() or close(). */
  private error: unknown = null;
  private readonly maxQueue: number;
  private readonly timer: NodeJS.Timeout;

  constructor(dir: string, o: EventFileOptions = {}) {
    mkdirSync(dir, { recursive: true });
    const now = Date.now() / 1000;
    const { fd, file } = createUnique(dir, Math.floor(now), o.filenameSuffix ?? '');
    this.fd = fd;
    this.path = file;
    this.maxQueue = Math.max(1, o.maxQueue ?? 10);
    const first = frameRecord(eventProto(now, 0, { fileVersion: 'brain.Event:2' }));
    writeSync(fd, first, 0, first.length, 0);
    this.size = first.length;
    this.timer = setInterval(() => this.autoFlush(), (o.flushSecs ?? 120) * 1000);
    this.timer.unref();
    open.add(this);
    hookExit();
  }

  /** Queues one encoded Event. */
  add(event: Uint8Array): void {
    if (this.fd === null) throw new Error(`event file ${this.path} is closed`);
    this.queue.push(frameRecord(event));
    if (this.queue.length >= this.maxQueue) this.autoFlush();
  }

  /**
   * Writes everything queued so far; resolves when it is handed to the OS. While a
   * write is under way, later flushes share one follow-up write, so a fast training
   * loop costs a few large writes, not one per `maxQueue` events.
   */
  flush(): Promise<void> {
    if (this.error !== null) {
      const error = this.error;
      this.error = null;
      return Promise.reject(error);
    }
    if (this.inFlight) {
      // Whoever awaits the write under way hears of its failure; the follow-up runs anyway.
      this.next ??= this.inFlight
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.flush();
        });
      return this.next;
    }
    const fd = this.fd;
    if (fd === null || this.queue.length === 0) return Promise.resolve();
    const pending = { at: this.size, bytes: concat(this.queue) };
    this.queue = [];
    this.size += pending.bytes.length;
    this.pending = pending;
    this.inFlight = writeAt(fd, pending)
      .catch((error: unknown) => {
        // Keep the file whole and the records: the next write starts where this one did.
        if (this.pending === pending) {
          this.size = pending.at;
          this.queue.unshift(pending.bytes);
        }
        throw error;
      })
      .finally(() => {
        this.inFlight = null;
        this.pending = null;
      });
    return this.inFlight;
  }

  /** Flushes and closes the file; later adds throw. */
  async close(): Promise<void> {
    if (this.fd === null) return;
    try {
      while (this.inFlight || this.next || this.queue.length > 0 || this.error !== null) await this.flush();
    } finally {
      clearInterval(this.timer);
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
      open.delete(this);
    }
  }

  /**
   * At process exit: the write under way (if any) again, at its own offset, then what
   * is queued, synchronously.
   */
  flushSync(): void {
    if (this.fd === null) return;
    const chunks = this.pending ? [this.pending.bytes, ...this.queue] : this.queue;
    if (chunks.length === 0) return;
    const at = this.pending ? this.pending.at : this.size;
    const bytes = concat(chunks);
    writeSync(this.fd, bytes, 0, bytes.length, at);
    this.size = at + bytes.length;
    this.queue = [];
    this.pending = null;
  }

  private autoFlush(): void {
    if (this.next) return; // a follow-up write is due, and watched, already
    this.flush().catch((error: unknown) => {
      this.error ??= error;
    });
  }
}

/** Opens a new file, never one another writer in this process (or another) has made. */
function createUnique(dir: string, seconds: number, suffix: string): { fd: number; file: string } {
  for (;;) {
    const file = path.join(dir, `events.out.tfevents.${seconds}.${os.hostname()}.${process.pid}.${fileCounter++}${suffix}`);
    try {
      return { fd: openSync(file, 'wx'), file };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('beforeExit', () => {
    for (const file of open) file.flush().catch(() => undefined);
  });
  process.on('exit', () => {
    for (const file of open) {
      try {
        file.flushSync();
      } catch (error) {
        process.stderr.write(`@tb/writer: could not write ${file.path} at exit: ${String(error)}\n`);
      }
    }
  });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function writeAt(fd: number, { at, bytes }: Pending): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number) => {
      fsWrite(fd, bytes, offset, bytes.length - offset, at + offset, (err, written) => {
        if (err) reject(err);
        else if (offset + written < bytes.length) step(offset + written);
        else resolve();
      });
    };
    step(0);
  });
}
