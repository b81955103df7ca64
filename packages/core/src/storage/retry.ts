/**
 * Trying a storage request again when its failure may pass: network errors, 5xx
 * answers, throttling and expired credentials, with exponential backoff and jitter.
 * Everything else (no such key, access denied, a bad request) fails at once.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** Backoff before the first retry; doubles each time, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 200, maxDelayMs: 10_000 };

/** What kind of failure an error is, for the decision to retry. */
export type FailureKind = 'network' | 'server' | 'throttled' | 'expired-credentials' | 'final';

const THROTTLE_CODES = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'ProvisionedThroughputExceededException']);
const EXPIRED_CODES = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);

interface SdkError {
  name?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

/** The HTTP status an SDK error carries, if any. */
export function statusOf(err: unknown): number | undefined {
  const e = err as SdkError | null;
  return e?.$metadata?.httpStatusCode ?? e?.$response?.statusCode;
}

/** Sorts a failure into a {@link FailureKind}. */
export function classify(err: unknown): FailureKind {
  const e = (err ?? {}) as SdkError & { message?: string };
  const code = e.Code ?? e.code ?? e.name ?? '';
  if (EXPIRED_CODES.has(code)) return 'expired-credentials';
  if (THROTTLE_CODES.has(code)) return 'throttled';
  const status = statusOf(err);
  if (status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'server';
  if (status === undefined) {
    if (NETWORK_CODES.has(code) || e.name === 'TimeoutError' || /socket hang up|ECONNRESET|network|timed? ?out/i.test(e.message ?? '')) return 'network';
  }
  return 'final';
}

/** `err` in a few words: the status and S3 error code when there are. */
export function describeFailure(err: unknown): string {
  const e = (err ?? {}) as SdkError & { message?: string };
  const status = statusOf(err);
  const code = e.Code ?? e.code ?? e.name;
  const parts = [status !== undefined ? String(status) : null, code && code !== 'Error' ? code : null].filter(Boolean);
  const message = e.message && e.message !== code && !/^UnknownError$/.test(e.message) ? e.message : '';
  return [parts.join(' '), message].filter(Boolean).join(': ') || String(err);
}

/** The wait before retry number `retry` (1 for the first): half the exponential bound plus a random part of the other half (spreads servers that failed together without waiting less than half). */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(bound / 2 + random() * (bound / 2));
}

export interface RetryHooks {
  /** A retry is about to wait `delayMs`. */
  onRetry?(err: unknown, kind: FailureKind, retry: number, delayMs: number): void;
  /** Called before retrying an expired-credentials failure: refresh them. */
  onExpiredCredentials?(): void;
  /** The wait is over (retried or given up). */
  onSettled?(): void;
}

/** Runs `op` until it succeeds, fails for good, or runs out of attempts. */
export async function withRetry<T>(op: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      const kind = classify(err);
      if (kind === 'final' || attempt >= policy.attempts) throw err;
      const delay = backoffMs(policy, attempt);
      hooks.onRetry?.(err, kind, attempt, delay);
      if (kind === 'expired-credentials') hooks.onExpiredCredentials?.();
      await new Promise((resolve) => setTimeout(resolve, delay));
      hooks.onSettled?.();
    }
  }
}
