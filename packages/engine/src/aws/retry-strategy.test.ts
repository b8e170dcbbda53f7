import { describe, expect, it } from 'vitest';
import { emptyApiStats } from './api-stats.js';
import { ScanRetryStrategy } from './retry-strategy.js';

const policy = { maxAttempts: 3, baseDelayMs: 1, throttleBaseDelayMs: 2, maxDelayMs: 50 };

describe('ScanRetryStrategy', () => {
  it('retries throttles and transient errors up to maxAttempts, counting each retry', async () => {
    const stats = emptyApiStats();
    const strategy = new ScanRetryStrategy(policy, stats, new AbortController().signal);
    let token = await strategy.acquireInitialRetryToken();
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
    token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT' });
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' })).rejects.toThrow();
    expect(stats.retries).toBe(2);
  });

  it('does not retry client errors such as access denied', async () => {
    const stats = emptyApiStats();
    const strategy = new ScanRetryStrategy(policy, stats, new AbortController().signal);
    const token = await strategy.acquireInitialRetryToken();
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'CLIENT_ERROR' })).rejects.toThrow();
    expect(stats.retries).toBe(0);
  });

  it('backs off exponentially with full jitter, longer for throttles, capped', () => {
    const strategy = new ScanRetryStrategy(
      { maxAttempts: 10, baseDelayMs: 100, throttleBaseDelayMs: 500, maxDelayMs: 20_000 },
      emptyApiStats(),
      new AbortController().signal,
      () => 0.999999,
    );
    expect(strategy.delayMs(1, { errorType: 'TRANSIENT' })).toBe(99);
    expect(strategy.delayMs(3, { errorType: 'TRANSIENT' })).toBe(399);
    expect(strategy.delayMs(2, { errorType: 'THROTTLING' })).toBe(999);
    expect(strategy.delayMs(9, { errorType: 'THROTTLING' })).toBe(19_999);
  });

  it('stops retrying once the scan is cancelled', async () => {
    const controller = new AbortController();
    const strategy = new ScanRetryStrategy(policy, emptyApiStats(), controller.signal);
    controller.abort();
    await expect(
      strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), { errorType: 'THROTTLING' }),
    ).rejects.toThrow();
  });
});
