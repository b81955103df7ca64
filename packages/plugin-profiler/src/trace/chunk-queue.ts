/**
 * An async iterable fed by pushes: the chunks a worker receives by message, read by the
 * streaming parser as they arrive. `fail` makes the reader throw (a cancelled job).
 */
export class ChunkQueue implements AsyncIterable<Uint8Array> {
  private readonly items: Uint8Array[] = [];
  private ended = false;
  private error: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly onTaken?: (bytes: number) => void) {}

  push(chunk: Uint8Array): void {
    this.items.push(chunk);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(error: Error): void {
    this.error = error;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    let taken = 0;
    for (;;) {
      if (this.error) throw this.error;
      const next = this.items.shift();
      if (next) {
        taken += next.length;
        yield next;
        this.onTaken?.(taken);
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
