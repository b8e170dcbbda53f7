import { SEVERITIES, type Severity } from '../core/severity.js';
import type { ApiStats } from '../aws/api-stats.js';
import type { ScanEvent, ScanPlan, ScanSummary } from './events.js';

/** Folds the event stream into the closing summary, so nothing is counted twice. */
export class SummaryBuilder {
  #resources = 0;
  #results = { pass: 0, fail: 0, unknown: 0 };
  #failBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  #issues = 0;
  #savingsCents = 0;

  constructor(private readonly startedAt: number) {}

  observe(event: ScanEvent): void {
    if (event.type === 'progress') this.#resources += event.resources ?? 0;
    if (event.type === 'issue') this.#issues += 1;
    if (event.type !== 'result') return;
    const { result } = event;
    this.#results[result.status] += 1;
    if (result.status !== 'fail') return;
    this.#failBySeverity[result.severity] += 1;
    this.#savingsCents += Math.round((result.savings?.monthlyUsd ?? 0) * 100);
  }

  build(plan: ScanPlan, api: ApiStats, incomplete: boolean): ScanSummary {
    return {
      accountId: plan.accountId,
      regions: plan.regions,
      skippedRegions: plan.skippedRegions,
      durationMs: Math.round(performance.now() - this.startedAt),
      resources: this.#resources,
      results: { ...this.#results },
      failBySeverity: { ...this.#failBySeverity },
      issues: this.#issues,
      monthlySavingsUsd: this.#savingsCents / 100,
      api: structuredClone(api),
      incomplete,
    };
  }
}
