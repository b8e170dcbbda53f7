import { setTimeout as sleep } from 'node:timers/promises';

export interface BucketRate {
  /** Tokens available at once. */
  readonly burst: number;
  /** Tokens added per second. */
  readonly refillPerSecond: number;
}

/**
 * Client-side token bucket in front of one (region, API family). It mirrors AWS's own bucket
 * so the scan spends at most the account's published budget, and it backs off on its own when
 * AWS throttles anyway (another tool or the customer's production shares the same bucket):
 * a throttle halves the refill rate, each success wins back a little of it (AIMD).
 */
export class TokenBucket {
  #tokens: number;
  #rate: number;
  #updatedAt: number;
  /** Serialises waiters so tokens are handed out first come, first served. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: BucketRate,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.#tokens = limit.burst;
    this.#rate = limit.refillPerSecond;
    this.#updatedAt = clock();
  }

  get currentRate(): number {
    return this.#rate;
  }

  take(signal: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#waitForToken(signal));
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  onThrottled(): void {
    this.#refill();
    this.#rate = Math.max(this.limit.refillPerSecond / 16, this.#rate / 2);
    this.#tokens = Math.min(this.#tokens, 0);
  }

  onSuccess(): void {
    if (this.#rate >= this.limit.refillPerSecond) return;
    this.#rate = Math.min(this.limit.refillPerSecond, this.#rate + this.limit.refillPerSecond / 50);
  }

  async #waitForToken(signal: AbortSignal): Promise<void> {
    for (;;) {
      signal.throwIfAborted();
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.#tokens) / this.#rate) * 1000;
      await sleep(Math.max(1, Math.ceil(waitMs)), undefined, { signal });
    }
  }

  #refill(): void {
    const now = this.clock();
    const elapsedSeconds = (now - this.#updatedAt) / 1000;
    this.#updatedAt = now;
    this.#tokens = Math.min(this.limit.burst, this.#tokens + elapsedSeconds * this.#rate);
  }
}
