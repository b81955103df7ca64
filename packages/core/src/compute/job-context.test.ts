import { describe, expect, it } from 'vitest';
import { abortError, JobContext } from './job-context.js';
import type { JobProgress } from './jobs.js';

describe('JobContext', () => {
  it('throws an AbortError once the signal fires, at the next pause', async () => {
    const controller = new AbortController();
    const ctx = new JobContext(controller.signal, undefined, 0);
    await ctx.pause();
    controller.abort('enough');
    await expect(ctx.pause()).rejects.toMatchObject({ name: 'AbortError', message: 'the compute job was cancelled: enough' });
    expect(abortError().name).toBe('AbortError');
  });

  it('offers a layout at most every 10 steps and every 200 ms', () => {
    const ctx = new JobContext(undefined, () => {});
    expect(ctx.layoutDue(10)).toBe(true);
    expect(ctx.layoutDue(25)).toBe(false); // 10 steps on, but not 200 ms
    expect(new JobContext().layoutDue(10)).toBe(false); // nobody listens
  });

  it('maps a sub-task\'s fractions into its share of the job', () => {
    const seen: JobProgress[] = [];
    new JobContext(undefined, (p) => seen.push(p)).scaled(0.2, 0.5, 'kNN').progress({ fraction: 0.5 });
    expect(seen).toEqual([{ fraction: 0.45, message: 'kNN' }]);
  });
});
