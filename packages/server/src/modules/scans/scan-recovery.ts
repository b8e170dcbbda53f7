import type { Db } from '../../db/database.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { scanJob } from './scan-job-definition.js';
import { activeScansWithEndedJob, queuedScansWithoutJob, updateScan } from './scans.repository.js';

export interface RecoveryResult {
  readonly requeued: number;
  readonly settled: number;
}

/**
 * Run at start-up, before the workers: the scan row and its job are written one after the
 * other, not in one transaction (the queue port takes no transaction, so a Redis queue fits
 * it too). A crash in between leaves a queued scan without a job: it is enqueued now (the job
 * id is the scan id, so this is idempotent). A scan still active whose job has ended (its
 * failure hook never ran) is settled to match the job.
 */
export async function recoverScans(db: Db, queue: JobQueue, maxAttempts: number): Promise<RecoveryResult> {
  const orphans = await queuedScansWithoutJob(db.kysely);
  for (const scanId of orphans) await queue.enqueue(scanJob, { scanId }, { jobId: scanId, maxAttempts });
  let settled = 0;
  for (const row of await activeScansWithEndedJob(db.kysely)) {
    const now = new Date().toISOString();
    const values = row.job_status === 'cancelled'
      ? { status: 'cancelled' as const, phase: 'cancelled', completed_at: now }
      : { status: 'failed' as const, phase: 'failed', completed_at: now, error_message: `The scan stopped before it finished: ${row.last_error ?? 'its job ended without a result'}` };
    if (await updateScan(db.kysely, row.id, { from: ['queued', 'running'] }, values)) settled += 1;
  }
  return { requeued: orphans.length, settled };
}
