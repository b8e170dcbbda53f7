import type { SimStats } from './types.js';

export class StatsRecorder {
  private stats: SimStats = StatsRecorder.empty();

  private static empty(): SimStats {
    return { calls: 0, byKey: {}, throttled: 0, faults: 0, maxChainDepth: 0 };
  }

  call(service: string, region: string, action: string): void {
    const key = `${service}:${region}:${action}`;
    this.stats.calls++;
    this.stats.byKey[key] = (this.stats.byKey[key] ?? 0) + 1;
  }

  throttled(): void {
    this.stats.throttled++;
  }

  fault(): void {
    this.stats.faults++;
  }

  page(depth: number): void {
    this.stats.maxChainDepth = Math.max(this.stats.maxChainDepth ?? 0, depth);
  }

  snapshot(): SimStats {
    return { ...this.stats, byKey: { ...this.stats.byKey } };
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
