/**
 * Redraws batched into animation frames: however many times a chart asks to be drawn
 * (slider moves, data arriving, resizes), each task runs at most once per frame, and
 * all charts share that one frame.
 */

/** Schedules `callback` for the next frame (requestAnimationFrame in the page). */
export type RequestFrame = (callback: () => void) => unknown;

/** A set of tasks run together on the next frame. */
export class FrameQueue {
  private readonly tasks = new Set<() => void>();
  private requested = false;

  constructor(private readonly requestFrame: RequestFrame) {}

  /** Runs `task` on the next frame; asking again before then changes nothing. */
  schedule(task: () => void): void {
    this.tasks.add(task);
    if (this.requested) return;
    this.requested = true;
    this.requestFrame(() => this.flush());
  }

  /** Drops `task` if it has not run yet (a chart that unmounts). */
  cancel(task: () => void): void {
    this.tasks.delete(task);
  }

  private flush(): void {
    this.requested = false;
    const tasks = [...this.tasks];
    this.tasks.clear();
    for (const task of tasks) {
      try {
        task();
      } catch (e) {
        // One chart's failure must not stop the others from drawing.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}
