import { describe, expect, it, vi } from 'vitest';
import { backoffMs, classify, describeFailure, statusOf, withRetry, type RetryPolicy } from './retry.js';

/** An error shaped like the AWS SDK's service exceptions. */
function sdkError(name: string, status?: number, message = name): Error {
  const e = new Error(message) as Error & { Code?: string; $metadata?: { httpStatusCode?: number } };
  e.name = name;
  e.Code = name;
  e.$metadata = status === undefined ? {} : { httpStatusCode: status };
  return e;
}

/** A Node network error: a code, no status. */
function netError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('classify', () => {
  it('sorts SDK-shaped errors', () => {
    expect(classify(sdkError('SlowDown', 503))).toBe('throttled');
    expect(classify(sdkError('InternalError', 500))).toBe('server');
    expect(classify(sdkError('ServiceUnavailable', 503))).toBe('server');
    expect(classify(sdkError('Unknown', 502))).toBe('server');
    expect(classify(sdkError('TooManyRequests', 429))).toBe('throttled');
    expect(classify(sdkError('ExpiredToken', 403))).toBe('expired-credentials');
    expect(classify(sdkError('ExpiredToken', 400))).toBe('expired-credentials');
    expect(classify(sdkError('NoSuchKey', 404))).toBe('final');
    expect(classify(sdkError('AccessDenied', 403))).toBe('final');
    expect(classify(sdkError('InvalidRange', 416))).toBe('final');
    expect(classify(sdkError('BadRequest', 400))).toBe('final');
  });

  it('sorts network errors without a status', () => {
    expect(classify(netError('ECONNRESET', 'read ECONNRESET'))).toBe('network');
    expect(classify(netError('ECONNREFUSED', 'connect ECONNREFUSED'))).toBe('network');
    expect(classify(new Error('socket hang up'))).toBe('network');
    expect(classify(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe('network');
    expect(classify(sdkError('Error', undefined, 'socket hang up'))).toBe('network');
    // A status makes it an answer, not a network failure.
    expect(classify(sdkError('Error', 400, 'socket hang up'))).toBe('final');
  });

  it('treats odd values as final', () => {
    expect(classify(undefined)).toBe('final');
    expect(classify(null)).toBe('final');
    expect(classify('boom')).toBe('final');
    expect(classify(new Error('plain'))).toBe('final');
  });
});

describe('statusOf and describeFailure', () => {
  it('reads the status from $metadata or $response', () => {
    expect(statusOf(sdkError('SlowDown', 503))).toBe(503);
    expect(statusOf({ $response: { statusCode: 502 } })).toBe(502);
    expect(statusOf(new Error('x'))).toBeUndefined();
  });

  it('names the status and code', () => {
    expect(describeFailure(sdkError('SlowDown', 503, 'Please reduce your request rate.'))).toBe('503 SlowDown: Please reduce your request rate.');
    expect(describeFailure(sdkError('NoSuchKey', 404))).toBe('404 NoSuchKey');
    expect(describeFailure(netError('ECONNRESET', 'socket hang up'))).toBe('ECONNRESET: socket hang up');
    expect(describeFailure(new Error('plain'))).toBe('plain');
    expect(describeFailure('text')).toBe('text');
  });
});

describe('backoffMs', () => {
  const policy: RetryPolicy = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles from the base up to the cap', () => {
    const top = () => 1; // the largest random part: the bound itself
    expect([1, 2, 3, 4, 5, 6, 9].map((r) => backoffMs(policy, r, top))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    const bottom = () => 0; // the smallest: half the bound
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(policy, r, bottom))).toEqual([50, 100, 200, 400, 500]);
  });

  it('stays within [bound/2, bound] for any random draw', () => {
    for (let retry = 1; retry <= 8; retry++) {
      const bound = Math.min(1000, 100 * 2 ** (retry - 1));
      for (let i = 0; i < 50; i++) {
        const d = backoffMs(policy, retry);
        expect(d).toBeGreaterThanOrEqual(bound / 2);
        expect(d).toBeLessThanOrEqual(bound);
      }
    }
  });
});

describe('withRetry', () => {
  const policy: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

  it('retries failures that may pass until one succeeds', async () => {
    const errs = [sdkError('SlowDown', 503), netError('ECONNRESET', 'socket hang up')];
    const op = vi.fn(async () => {
      const e = errs.shift();
      if (e) throw e;
      return 'ok';
    });
    const onRetry = vi.fn();
    const onSettled = vi.fn();
    const onExpiredCredentials = vi.fn();
    await expect(withRetry(op, policy, { onRetry, onSettled, onExpiredCredentials })).resolves.toBe('ok');
    expect(op).toHaveBeenCalledTimes(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onRetry.mock.calls[0]!.slice(1, 3)).toEqual(['throttled', 1]);
    expect(onRetry.mock.calls[1]!.slice(1, 3)).toEqual(['network', 2]);
    expect(onSettled).toHaveBeenCalledTimes(2);
    expect(onExpiredCredentials).not.toHaveBeenCalled();
  });

  it('stops after `attempts` tries and throws the last error', async () => {
    const last = sdkError('InternalError', 500);
    const op = vi.fn(async () => {
      throw op.mock.calls.length === 3 ? last : sdkError('SlowDown', 503);
    });
    const onRetry = vi.fn();
    const onSettled = vi.fn();
    await expect(withRetry(op, policy, { onRetry, onSettled })).rejects.toBe(last);
    expect(op).toHaveBeenCalledTimes(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
    expect(onSettled).toHaveBeenCalledTimes(2);
  });

  it('does not retry a final failure', async () => {
    const err = sdkError('AccessDenied', 403);
    const op = vi.fn(async () => {
      throw err;
    });
    const onRetry = vi.fn();
    await expect(withRetry(op, policy, { onRetry })).rejects.toBe(err);
    expect(op).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('asks for fresh credentials before retrying an expired-credentials failure', async () => {
    const order: string[] = [];
    let n = 0;
    const op = async () => {
      order.push('op');
      if (n++ === 0) throw sdkError('ExpiredToken', 403);
      return 1;
    };
    await withRetry(op, policy, {
      onRetry: (_e, kind, retry, delay) => {
        order.push(`retry:${kind}:${retry}`);
        expect(delay).toBeGreaterThanOrEqual(0.5);
        expect(delay).toBeLessThanOrEqual(1);
      },
      onExpiredCredentials: () => order.push('refresh'),
      onSettled: () => order.push('settled'),
    });
    expect(order).toEqual(['op', 'retry:expired-credentials:1', 'refresh', 'settled', 'op']);
  });

  it('with one attempt, never retries', async () => {
    const op = vi.fn(async () => {
      throw sdkError('SlowDown', 503);
    });
    await expect(withRetry(op, { ...policy, attempts: 1 })).rejects.toMatchObject({ name: 'SlowDown' });
    expect(op).toHaveBeenCalledTimes(1);
  });
});
