import { describe, expect, it } from 'vitest';
import { FrameQueue } from './frame-queue.js';

function manualFrames() {
  const pending: (() => void)[] = [];
  return { request: (cb: () => void) => pending.push(cb), run: () => pending.splice(0).forEach((cb) => cb()), pending };
}

describe('FrameQueue', () => {
  it('runs each task once per frame and asks for one frame', () => {
    const frames = manualFrames();
    const q = new FrameQueue(frames.request);
    let a = 0;
    let b = 0;
    const ta = () => a++;
    const tb = () => b++;
    q.schedule(ta);
    q.schedule(ta);
    q.schedule(tb);
    expect(frames.pending.length).toBe(1);
    frames.run();
    expect([a, b]).toEqual([1, 1]);
    q.schedule(ta);
    frames.run();
    expect(a).toBe(2);
  });

  it('forgets cancelled tasks', () => {
    const frames = manualFrames();
    const q = new FrameQueue(frames.request);
    let a = 0;
    const ta = () => a++;
    q.schedule(ta);
    q.cancel(ta);
    frames.run();
    expect(a).toBe(0);
  });
});
