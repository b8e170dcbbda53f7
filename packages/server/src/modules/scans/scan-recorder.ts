import type { ScanSummary as ScanSummaryView, ScanWarning } from '@cloudsweep/contract';
import type { CheckResult, CollectionIssue, ScanPlan, ScanSummary } from '@cloudsweep/engine';
import type { Db } from '../../db/database.js';
import type { ScanEventBus } from '../../events/scan-events.js';
import { insertFindings } from '../findings/findings.repository.js';
import { updateScan } from './scans.repository.js';

/** Results buffered before a batch insert, and the longest a result waits to be visible. */
export const BATCH_ROWS = 2_000;
export const BATCH_MS = 500;
/** Progress is written (and streamed) at most this often. */
export const PROGRESS_MS = 1_000;
// Warnings are for people: past a few hundred, more of the same helps nobody and bloats the row.
const MAX_WARNINGS = 500;

type Counts = { pass: number; fail: number; unknown: number };

/** Thrown when the scan is no longer this attempt's to write: cancelled, or taken over. */
export class ScanSupersededError extends Error {
  override readonly name = 'ScanSupersededError';
}

function tally(map: Record<string, Counts>, key: string, status: CheckResult['status']): void {
  const counts = (map[key] ??= { pass: 0, fail: 0, unknown: 0 });
  counts[status] += 1;
}

/** Turns one attempt's engine events into batched rows, throttled progress and live events. */
export class ScanRecorder {
  private buffer: CheckResult[] = [];
  private readonly warnings: ScanWarning[] = [];
  private readonly counts: Counts = { pass: 0, fail: 0, unknown: 0 };
  private readonly byService: Record<string, Counts> = {};
  private readonly byRegion: Record<string, Counts> = {};
  private progress = { done: 0, total: 0, phase: 'starting' };
  private lastFlush = Date.now();
  private lastProgress = 0;

  constructor(
    private readonly db: Db,
    private readonly bus: ScanEventBus,
    private readonly scan: { readonly id: string; readonly userId: string; readonly attempt: number },
  ) {}

  async planned(plan: ScanPlan): Promise<void> {
    for (const skipped of plan.skippedRegions) this.warn({ message: skipped.reason, region: skipped.region });
    this.progress = { done: 0, total: plan.totalTasks, phase: 'collecting' };
    await this.flush(true);
  }

  async progressed(done: number, total: number, phase: string): Promise<void> {
    this.progress = { done, total, phase };
    await this.maybeFlush();
  }

  async result(result: CheckResult): Promise<void> {
    this.buffer.push(result);
    this.counts[result.status] += 1;
    tally(this.byService, result.service, result.status);
    tally(this.byRegion, result.region, result.status);
    await this.maybeFlush();
  }

  issue(issue: CollectionIssue): void {
    this.warn({
      message: issue.message,
      service: issue.service,
      region: issue.region,
      kind: issue.kind,
      permissions: [...issue.permissions],
      awsErrorCode: issue.awsErrorCode,
      ...(issue.awsRequestId ? { requestId: issue.awsRequestId } : {}),
      ...(issue.httpStatus !== undefined ? { httpStatus: issue.httpStatus } : {}),
    });
  }

  /** Writes what is left and completes the scan; false when it was cancelled meanwhile. */
  async complete(summary: ScanSummary): Promise<boolean> {
    if (summary.incomplete) this.warn({ message: 'The scan reached its time limit; the results cover what was scanned until then' });
    await this.flush(true);
    const view: ScanSummaryView = {
      awsAccountId: summary.accountId,
      regions: [...summary.regions],
      resources: summary.resources,
      durationMs: summary.durationMs,
      byStatus: { ...this.counts },
      bySeverity: { ...summary.failBySeverity },
      byService: this.byService,
      byRegion: this.byRegion,
      monthlySavingsUsd: summary.monthlySavingsUsd,
      incomplete: summary.incomplete,
    };
    const now = new Date().toISOString();
    return updateScan(this.db.kysely, this.scan.id, { from: ['running'], attempt: this.scan.attempt }, {
      status: 'completed', phase: 'done', summary: JSON.stringify(view), completed_at: now, error_message: null, error_details: null,
    });
  }

  private warn(warning: ScanWarning): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(warning);
  }

  private async maybeFlush(): Promise<void> {
    const now = Date.now();
    const dueRows = this.buffer.length >= BATCH_ROWS || (this.buffer.length > 0 && now - this.lastFlush >= BATCH_MS);
    if (dueRows || now - this.lastProgress >= PROGRESS_MS) await this.flush(false);
  }

  /**
   * One transaction: the guarded progress update proves this attempt still owns the scan, then
   * the batch goes in. A cancelled or taken-over scan gets no rows from a late worker.
   */
  private async flush(force: boolean): Promise<void> {
    const rows = this.buffer;
    const now = Date.now();
    const progressDue = force || now - this.lastProgress >= PROGRESS_MS;
    if (!progressDue && rows.length === 0) return;
    this.buffer = [];
    const { done, total, phase } = this.progress;
    const values = progressDue ? { progress_done: done, progress_total: total, phase, warnings: JSON.stringify(this.warnings) } : {};
    await this.db.kysely.transaction().execute(async (trx) => {
      const owned = await updateScan(trx, this.scan.id, { from: ['running'], attempt: this.scan.attempt }, values);
      if (!owned) throw new ScanSupersededError(`Scan ${this.scan.id} is no longer this attempt's`);
      await insertFindings(trx, this.scan.id, rows, this.db.sqlite);
    });
    this.lastFlush = now;
    if (!progressDue) return;
    this.lastProgress = now;
    const { id: scanId, userId } = this.scan;
    this.bus.publish({ userId, scanId, payload: { type: 'progress', done, total, phase } });
    this.bus.publish({ userId, scanId, payload: { type: 'counts', ...this.counts } });
  }
}
