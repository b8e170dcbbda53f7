import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { DatabaseJobQueueOptions } from '../../jobs/database-job-queue.js';
import type { JobEvent, JobQueue } from '../../jobs/job-queue.js';
import { recoverScans } from './scan-recovery.js';
import { startScanWorker, type ScanJobDeps } from './scans.job.js';

/** The embedded queue's timings from config (the lease decides how soon a killed scan resumes). */
export function jobQueueOptions(config: Config): DatabaseJobQueueOptions {
  return { leaseMs: config.jobs.leaseMs, heartbeatMs: config.jobs.heartbeatMs, defaultMaxAttempts: config.scanMaxAttempts };
}

/** One log line per job event: ids, kinds and reasons only, never a payload. */
export function logJobEvent(log: FastifyBaseLogger, event: JobEvent): void {
  if (event.type === 'error') {
    log.error({ err: event.error, context: event.context }, 'job queue error');
    return;
  }
  const { type, id, kind, attempt } = event;
  const facts = { job: { id, kind, attempt }, ...('error' in event ? { error: event.error } : {}), ...('reason' in event ? { reason: event.reason } : {}) };
  if (type === 'failed') log.warn(facts, `job ${type}`);
  else log.info({ ...facts, ...('durationMs' in event ? { durationMs: event.durationMs } : {}), ...('delayMs' in event ? { delayMs: event.delayMs } : {}) }, `job ${type}`);
}

/** Settles what a crash left (see recoverScans), then starts this process's scan worker. */
export async function startScanProcessing(queue: JobQueue, deps: ScanJobDeps & { config: Config }, log: FastifyBaseLogger): Promise<void> {
  const recovered = await recoverScans(deps.db, queue, deps.config.scanMaxAttempts);
  if (recovered.requeued + recovered.settled > 0) log.info({ recovered }, 'scans recovered after a restart');
  startScanWorker(queue, deps);
}
