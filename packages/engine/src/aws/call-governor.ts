import type { ServiceName } from '../core/collector.js';
import type { ApiStats } from './api-stats.js';
import { isThrottle } from './error-kind.js';
import { apiFamily, bucketRate, bucketRegion } from './rate-limits.js';
import { Semaphore } from './semaphore.js';
import { TokenBucket } from './token-bucket.js';

export interface ConcurrencyLimits {
  /** Calls in flight across the whole scan. */
  readonly global: number;
  /** Calls in flight per (region, service). */
  readonly perRegionService: number;
  /** Fraction (0-1] of each AWS bucket the scan may spend; the rest is left to production. */
  readonly rateShare: number;
}

export const DEFAULT_CONCURRENCY: ConcurrencyLimits = { global: 256, perRegionService: 32, rateShare: 1 };

/**
 * Admits every HTTP attempt of a scan: a slot in its (region, service) lane, a token from its
 * (region, API family) bucket, then a slot in the global cap — in that order, so a call waiting
 * for a token never holds a global slot that another region could use.
 */
export class CallGovernor {
  readonly #global: Semaphore;
  readonly #lanes = new Map<string, Semaphore>();
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: ConcurrencyLimits,
    readonly stats: ApiStats,
    private readonly signal: AbortSignal,
  ) {
    this.#global = new Semaphore(limits.global);
  }

  async run<T>(service: ServiceName, region: string, action: string, send: () => Promise<T>): Promise<T> {
    const lane = this.#lane(`${service}:${region}`);
    const bucket = this.#bucket(service, region, action);
    await lane.acquire(this.signal);
    try {
      await bucket.take(this.signal);
      await this.#global.acquire(this.signal);
      try {
        return await this.#attempt(service, region, bucket, send);
      } finally {
        this.#global.release();
      }
    } finally {
      lane.release();
    }
  }

  async #attempt<T>(service: ServiceName, region: string, bucket: TokenBucket, send: () => Promise<T>): Promise<T> {
    const key = `${service}:${region}`;
    this.stats.attempts += 1;
    this.stats.byServiceRegion[key] = (this.stats.byServiceRegion[key] ?? 0) + 1;
    try {
      const output = await send();
      bucket.onSuccess();
      return output;
    } catch (error) {
      this.stats.errors += 1;
      if (isThrottle(error)) {
        this.stats.throttles += 1;
        bucket.onThrottled();
      }
      throw error;
    }
  }

  #lane(key: string): Semaphore {
    let lane = this.#lanes.get(key);
    if (!lane) this.#lanes.set(key, (lane = new Semaphore(this.limits.perRegionService)));
    return lane;
  }

  #bucket(service: ServiceName, region: string, action: string): TokenBucket {
    const key = `${bucketRegion(service, region)}:${apiFamily(service, action)}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) this.#buckets.set(key, (bucket = new TokenBucket(bucketRate(service, this.limits.rateShare))));
    return bucket;
  }
}
