import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

function manualClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBucket', () => {
  it('hands out the burst at once, then refills at the published rate', async () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 3, refillPerSecond: 2 }, clock.now);
    const signal = new AbortController().signal;
    for (let i = 0; i < 3; i++) await bucket.take(signal);
    let granted = false;
    const fourth = bucket.take(signal).then(() => (granted = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(granted).toBe(false);
    clock.advance(500); // 0.5 s at 2/s = one token
    await fourth;
    expect(granted).toBe(true);
  });

  it('halves its rate when AWS throttles anyway and wins it back on success', () => {
    const bucket = new TokenBucket({ burst: 10, refillPerSecond: 20 }, manualClock().now);
    bucket.onThrottled();
    expect(bucket.currentRate).toBe(10);
    bucket.onThrottled();
    expect(bucket.currentRate).toBe(5);
    for (let i = 0; i < 100; i++) bucket.onSuccess();
    expect(bucket.currentRate).toBe(20);
  });

  it('never drops below a sixteenth of the configured rate', () => {
    const bucket = new TokenBucket({ burst: 10, refillPerSecond: 16 }, manualClock().now);
    for (let i = 0; i < 20; i++) bucket.onThrottled();
    expect(bucket.currentRate).toBe(1);
  });

  it('stops waiting when the scan is aborted', async () => {
    const bucket = new TokenBucket({ burst: 1, refillPerSecond: 0.001 }, manualClock().now);
    const controller = new AbortController();
    await bucket.take(controller.signal);
    const waiting = bucket.take(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});
