import type { Scan, ScanErrorDetails, ScanSummary, ScanWarning } from '@cloudsweep/contract';
import type { ScanViewRow } from './scans.repository.js';

function parsed<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** A scans row as the API shows it; `cached` marks an answer that reused this scan. */
export function toScan(row: ScanViewRow, cached = false): Scan {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status,
    regions: JSON.parse(row.regions) as Scan['regions'],
    checks: parsed<string[]>(row.checks),
    attempt: row.attempt,
    retryOf: row.retry_of,
    cached: cached || row.cached === 1,
    progress: { done: row.progress_done, total: row.progress_total, phase: row.phase },
    warnings: JSON.parse(row.warnings) as ScanWarning[],
    error: row.error_message === null ? null : { message: row.error_message, details: parsed<ScanErrorDetails>(row.error_details) },
    summary: parsed<ScanSummary>(row.summary),
    startedBy: { id: row.user_id, email: row.user_email },
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
  };
}
