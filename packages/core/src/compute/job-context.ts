/**
 * What a running job uses to stay cancellable and to report progress: `pause()` yields to
 * the event loop every few milliseconds (so an abort, or a cancel message in the worker,
 * gets through) and throws an AbortError once the signal fires; `layoutDue(step)` says
 * when an intermediate layout is worth sending (every 10 steps or 200 ms, the rarer).
 */
import type { JobProgress } from './jobs.js';

/** The error a cancelled job rejects with: an Error named 'AbortError'. */
export function abortError(reason?: unknown): Error {
  const detail = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : '';
  const err = new Error(detail ? `the compute job was cancelled: ${detail}` : 'the compute job was cancelled');
  err.name = 'AbortError';
  return err;
}

/** Cancellation and progress for one job. */
export class JobContext {
  private lastYield = performance.now();
  private lastLayoutTime = -Infinity;
  private lastLayoutStep = -Infinity;

  constructor(
    private readonly signal?: AbortSignal,
    private readonly report?: (p: JobProgress) => void,
    private readonly yieldEveryMs = 20,
  ) {}

  /** Throws an AbortError if the job was cancelled. */
  check(): void {
    if (this.signal?.aborted) throw abortError(this.signal.reason);
  }

  /** Yields to the event loop when `yieldEveryMs` has passed since the last yield, then checks for cancellation. */
  async pause(): Promise<void> {
    this.check();
    const now = performance.now();
    if (now - this.lastYield < this.yieldEveryMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
    this.check();
  }

  /** Sends a progress report (no-op without a listener). */
  progress(p: JobProgress): void {
    this.report?.(p);
  }

  /** A context for a sub-task: same cancellation, progress fractions mapped into [from, from + span], no layouts. */
  scaled(from: number, span: number, message: string): JobContext {
    const report = this.report;
    return new JobContext(
      this.signal,
      report && ((p) => report({ fraction: from + span * p.fraction, message: p.message ?? message })),
      this.yieldEveryMs,
    );
  }

  /** Whether step `step` should carry an intermediate layout; true means "send it now" and starts the next wait. */
  layoutDue(step: number): boolean {
    if (!this.report) return false;
    const now = performance.now();
    if (step - this.lastLayoutStep < 10 || now - this.lastLayoutTime < 200) return false;
    this.lastLayoutStep = step;
    this.lastLayoutTime = now;
    return true;
  }
}
