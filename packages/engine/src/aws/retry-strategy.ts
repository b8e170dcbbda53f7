import { setTimeout as sleep } from 'node:timers/promises';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { ApiStats } from './api-stats.js';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly throttleBaseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Pinned here so SDK releases that retune their defaults do not change our timings. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 100,
  throttleBaseDelayMs: 500,
  maxDelayMs: 20_000,
};

const RETRYABLE = new Set<RetryErrorInfo['errorType']>(['TRANSIENT', 'THROTTLING', 'SERVER_ERROR']);

function token(retryCount: number): RetryToken {
  return { getRetryCount: () => retryCount, getRetryDelay: () => 0 };
}

/**
 * Exponential backoff with full jitter, and no shared retry quota: our token buckets already
 * pace the scan, and a quota shared by a client would make one noisy region fail fast for all.
 * The wait happens here rather than in the SDK so that cancelling a scan interrupts it.
 */
export class ScanRetryStrategy implements RetryStrategyV2 {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly stats: ApiStats,
    private readonly signal: AbortSignal,
    private readonly random: () => number = Math.random,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retries = previous.getRetryCount() + 1;
    if (!RETRYABLE.has(info.errorType) || retries >= this.policy.maxAttempts || this.signal.aborted) {
      throw new Error('not retrying', { cause: info.error });
    }
    this.stats.retries += 1;
    await sleep(this.delayMs(retries, info), undefined, { signal: this.signal });
    return token(retries);
  }

  recordSuccess(): void {}

  delayMs(retries: number, info: RetryErrorInfo): number {
    const base = info.errorType === 'THROTTLING' ? this.policy.throttleBaseDelayMs : this.policy.baseDelayMs;
    const ceiling = Math.min(this.policy.maxDelayMs, base * 2 ** (retries - 1));
    const hinted = info.retryAfterHint ? info.retryAfterHint.getTime() - Date.now() : 0;
    return Math.max(hinted, Math.floor(this.random() * ceiling));
  }
}
