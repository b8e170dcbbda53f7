import { scan, type ScanOptions } from '@cloudsweep/engine';
import { recordAudit } from '../../audit/audit.service.js';
import type { Db } from '../../db/database.js';
import type { ScanEventBus } from '../../events/scan-events.js';
import { JobCancelledError, JobShutdownError, PermanentJobError, type JobContext, type JobFailure, type JobQueue } from '../../jobs/job-queue.js';
import { findAccount } from '../accounts/accounts.repository.js';
import type { TextIndexer } from '../findings/findings-text-index.js';
import { engineAccess, type CredentialDeps } from './scan-credentials.js';
import { describeFailure, type ScanFailure } from './scan-failure.js';
import { scanJob } from './scan-job-definition.js';
import { ScanRecorder, ScanSupersededError } from './scan-recorder.js';
import { deleteScanFindings, findScan, updateScan, type ScanRow } from './scans.repository.js';

export interface ScanJobDeps extends CredentialDeps {
  readonly db: Db;
  readonly events: ScanEventBus;
  /** Engine tuning (per-call timeout, SDK attempts, deadline); the engine's defaults otherwise. */
  readonly engine?: Pick<ScanOptions, 'callTimeoutMs' | 'maxAttempts' | 'deadlineMs' | 'concurrency'>;
  /** Builds a completed scan's text index (SQLite); PostgreSQL's is kept by the database. */
  readonly textIndexer?: Pick<TextIndexer, 'schedule'>;
}

type ScanPayload = { scanId: string };

// Audit entries written by the worker: no request, so no client address.
const WORKER_ORIGIN = { ip: '', userAgent: 'cloudsweep-worker' };

class RetryableScanError extends Error {
  override readonly name = 'RetryableScanError';
  constructor(message: string, readonly retryAfterMs: number | undefined) {
    super(message);
  }
}

/**
 * queued -> running for this attempt. A scan found 'running' was left by a worker that died
 * (or lost its lease): this run is the next attempt. Its findings are dropped first, so a
 * re-run never doubles them. Returns the attempt number now owned, or undefined.
 */
async function claimScan(deps: ScanJobDeps, row: ScanRow): Promise<number | undefined> {
  const attempt = row.status === 'running' ? row.attempt + 1 : row.attempt;
  const now = new Date().toISOString();
  const claimed = await deps.db.kysely.transaction().execute(async (trx) => {
    const owned = await updateScan(trx, row.id, { from: [row.status], attempt: row.attempt }, {
      status: 'running', attempt, started_at: now, progress_done: 0, progress_total: 0, phase: 'starting', warnings: '[]', summary: null,
    });
    if (owned) await deleteScanFindings(trx, row.id);
    return owned;
  });
  if (!claimed) return undefined;
  deps.events.publish({ userId: row.user_id, scanId: row.id, payload: { type: 'status', status: 'running' } });
  return attempt;
}

async function failScan(deps: Pick<ScanJobDeps, 'db' | 'events'>, row: Pick<ScanRow, 'id' | 'user_id' | 'account_id'>, failure: Pick<ScanFailure, 'message' | 'details'>, guard: { attempt?: number }): Promise<void> {
  const changed = await updateScan(deps.db.kysely, row.id, { from: ['queued', 'running'], ...guard }, {
    status: 'failed', phase: 'failed', error_message: failure.message, error_details: JSON.stringify(failure.details), completed_at: new Date().toISOString(),
  });
  if (!changed) return;
  await recordAudit(deps.db.kysely, { ...WORKER_ORIGIN, userId: row.user_id, action: 'scan.fail', targetType: 'scan', targetId: row.id, details: { accountId: row.account_id, message: failure.message } });
  deps.events.publish({ userId: row.user_id, scanId: row.id, payload: { type: 'status', status: 'failed', error: failure.message } });
}

async function runEngine(deps: ScanJobDeps, row: ScanRow, attempt: number, signal: AbortSignal): Promise<void> {
  // The scan's user is the account's owner: the scan was started through an ownership check.
  const account = await findAccount(deps.db.kysely, row.user_id, row.account_id);
  if (!account) throw new PermanentJobError('The AWS account of this scan no longer exists');
  const access = await engineAccess(account, deps);
  const recorder = new ScanRecorder(deps.db, deps.events, { id: row.id, userId: row.user_id, attempt });
  const regions = JSON.parse(row.regions) as 'all' | string[];
  const checks = row.checks === null ? undefined : (JSON.parse(row.checks) as string[]);
  const options: ScanOptions = { ...deps.engine, credentials: access.credentials, regions, ...(checks ? { checks } : {}), ...(access.endpoint ? { endpoint: access.endpoint } : {}) };
  for await (const event of scan(options, { signal })) {
    if (event.type === 'planned') await recorder.planned(event.plan);
    else if (event.type === 'progress') await recorder.progressed(event.done, event.total, event.phase);
    else if (event.type === 'result') await recorder.result(event.result);
    else if (event.type === 'issue') recorder.issue(event.issue);
    // A cancelled scan also ends with a summary (incomplete): it must not read as completed.
    else if (event.type === 'summary' && !signal.aborted && (await recorder.complete(event.summary))) {
      await recordAudit(deps.db.kysely, { ...WORKER_ORIGIN, userId: row.user_id, action: 'scan.complete', targetType: 'scan', targetId: row.id, details: { accountId: row.account_id, results: event.summary.results } });
      deps.events.publish({ userId: row.user_id, scanId: row.id, payload: { type: 'status', status: 'completed' } });
      deps.textIndexer?.schedule(row.id);
    }
  }
}

/** After a failed attempt: requeue it for the queue's retry, or fail the scan for good. */
async function settleAttempt(deps: ScanJobDeps, job: JobContext<ScanPayload>, row: ScanRow, attempt: number, error: unknown): Promise<never> {
  const region = regionOf(row);
  const failure = describeFailure(error, { attempt, ...(region ? { region } : {}) });
  if (failure.retryable && job.attempt < job.maxAttempts) {
    await updateScan(deps.db.kysely, row.id, { from: ['running'], attempt }, {
      status: 'queued', attempt: attempt + 1, phase: 'waiting to retry', error_message: failure.message, error_details: JSON.stringify(failure.details),
    });
    deps.events.publish({ userId: row.user_id, scanId: row.id, payload: { type: 'status', status: 'queued', error: failure.message } });
    throw new RetryableScanError(failure.message, failure.retryAfterMs);
  }
  const message = failure.retryable ? `${failure.message} (gave up after ${job.attempt} attempts)` : failure.message;
  await failScan(deps, row, { message, details: failure.details }, { attempt });
  throw new PermanentJobError(message);
}

function regionOf(row: ScanRow): string | undefined {
  const regions = JSON.parse(row.regions) as 'all' | string[];
  return regions === 'all' ? undefined : regions[0];
}

/** The 'scan' job: runs one attempt of a scan; safe to run again (at-least-once delivery). */
function scanJobHandler(deps: ScanJobDeps) {
  return async (job: JobContext<ScanPayload>): Promise<void> => {
    const row = await findScan(deps.db.kysely, job.payload.scanId);
    // Finished or cancelled already (a duplicate delivery, or cancelled while queued): nothing to do.
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
    const attempt = await claimScan(deps, row);
    if (attempt === undefined) return;
    try {
      await runEngine(deps, row, attempt, job.signal);
    } catch (error) {
      if (error instanceof ScanSupersededError) return;
      if (job.signal.aborted) return onAbort(deps, row, attempt, job.signal.reason);
      await settleAttempt(deps, job, row, attempt, error);
    }
    if (job.signal.aborted) await onAbort(deps, row, attempt, job.signal.reason);
  };
}

async function onAbort(deps: ScanJobDeps, row: ScanRow, attempt: number, reason: unknown): Promise<void> {
  if (reason instanceof JobCancelledError) {
    // Normally the cancel route has already said so; a queue-level cancel has not.
    await updateScan(deps.db.kysely, row.id, { from: ['running'], attempt }, { status: 'cancelled', phase: 'cancelled', completed_at: new Date().toISOString() });
  } else if (reason instanceof JobShutdownError) {
    // Back in the queue with this attempt unused: the next worker starts it afresh.
    await updateScan(deps.db.kysely, row.id, { from: ['running'], attempt }, { status: 'queued', phase: 'queued' });
    throw reason;
  }
}

/** Called by the queue when a scan's job fails for good outside the handler (e.g. 'worker lost'). */
function scanJobFailed(deps: Pick<ScanJobDeps, 'db' | 'events'>) {
  return async (failure: JobFailure<ScanPayload>): Promise<void> => {
    const row = failure.payload && (await findScan(deps.db.kysely, failure.payload.scanId));
    if (!row) return;
    const message = failure.error === 'worker lost'
      ? 'The server running this scan stopped before it finished, and no attempts were left'
      : `The scan failed: ${failure.error}`;
    await failScan(deps, row, { message, details: { attempt: row.attempt, step: 'running the scan job' } }, {});
  };
}

/** Starts this process's scan worker on the queue (main, and tests with a real worker). */
export function startScanWorker(queue: JobQueue, deps: ScanJobDeps, concurrency = 2): void {
  queue.work(scanJob, scanJobHandler(deps), { concurrency, onFailed: scanJobFailed(deps) });
}
