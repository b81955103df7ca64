/**
 * Cooperative pausing for long work on the event loop (decoding and printing a graph of
 * 50,000 nodes): the work asks `due()` between small steps and, when its slice of time is
 * spent, awaits `pause()`, which lets timers, I/O and other requests run first.
 */

/** A clock for one piece of work. */
export interface Pace {
  /** True once the current slice is spent. Cheap: call it between small steps. */
  due(): boolean;
  /** Yields to the event loop, then starts a new slice. */
  pause(): Promise<void>;
}

/** A pace that yields every `sliceMs` milliseconds (8 by default). */
export function pace(sliceMs = 8): Pace {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= sliceMs,
    pause: () =>
      new Promise<void>((resolve) => {
        setImmediate(() => {
          start = performance.now();
          resolve();
        });
      }),
  };
}

/** A pace that never yields: for small inputs and tests. */
export const NO_PACE: Pace = { due: () => false, pause: () => Promise.resolve() };
