/**
 * One event file: `events.out.tfevents.<seconds>.<host>.<pid>.<n><suffix>`, opened at
 * construction with its first record, the file version `brain.Event:2`. Records are
 * framed at once and queued; the queue is written asynchronously when it holds
 * `maxQueue` records, every `flushSecs`, on flush() and close(), and synchronously at
 * process exit for writers never closed.
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

export class EventFile {
  readonly path: string;
  private fd: number | null;
  private queue: Uint8Array[] = [];
  /** The write under way, and the one that will follow it (everything queued meanwhile). */
  private inFlight: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private readonly maxQueue: number;
  private readonly timer: NodeJS.Timeout;

  constructor(dir: string, o: EventFileOptions = {}) {
    mkdirSync(dir, { recursive: true });
    const now = Date.now() / 1000;
    const name = `events.out.tfevents.${Math.floor(now)}.${os.hostname()}.${process.pid}.${fileCounter++}${o.filenameSuffix ?? ''}`;
    this.path = path.join(dir, name);
    this.fd = openSync(this.path, 'a');
    this.maxQueue = o.maxQueue ?? 10;
    writeSync(this.fd, frameRecord(eventProto(now, 0, { fileVersion: 'brain.Event:2' })));
    this.timer = setInterval(() => void this.flush(), (o.flushSecs ?? 120) * 1000);
    this.timer.unref();
    open.add(this);
    hookExit();
  }

  /** Queues one encoded Event. */
  add(event: Uint8Array): void {
    if (this.fd === null) throw new Error(`event file ${this.path} is closed`);
    this.queue.push(frameRecord(event));
    if (this.queue.length >= this.maxQueue) void this.flush();
  }

  /**
   * Writes everything queued so far; resolves when it is on disk (handed to the OS).
   * While a write is under way, later flushes share one follow-up write, so a fast
   * training loop costs a few large writes, not one per `maxQueue` events.
   */
  flush(): Promise<void> {
    if (this.inFlight) {
      this.next ??= this.inFlight.then(() => {
        this.next = null;
        return this.flush();
      });
      return this.next;
    }
    const fd = this.fd;
    if (fd === null || this.queue.length === 0) return Promise.resolve();
    const chunk = concat(this.queue);
    this.queue = [];
    this.inFlight = writeAll(fd, chunk).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Flushes and closes the file; later adds throw. */
  async close(): Promise<void> {
    if (this.fd === null) return;
    await this.flush();
    while (this.inFlight || this.next || this.queue.length > 0) await this.flush();
    clearInterval(this.timer);
    closeSync(this.fd);
    this.fd = null;
    open.delete(this);
  }

  /** At process exit: what is queued, written synchronously. */
  flushSync(): void {
    if (this.fd === null || this.queue.length === 0) return;
    writeSync(this.fd, concat(this.queue));
    this.queue = [];
  }
}

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const file of open) file.flushSync();
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

function writeAll(fd: number, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (offset: number) => {
      fsWrite(fd, data, offset, data.length - offset, null, (err, written) => {
        if (err) reject(err);
        else if (offset + written < data.length) step(offset + written);
        else resolve();
      });
    };
    step(0);
  });
}
