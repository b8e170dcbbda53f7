import { randomUUID } from 'node:crypto';
import type { Scan, ScanListQuery, ScanPage, StartScanBody } from '@cloudsweep/contract';
import { z } from 'zod';
import { recordAudit, type Origin } from '../../audit/audit.service.js';
import type { Config } from '../../config.js';
import { isUniqueViolation, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import type { ScanEventBus } from '../../events/scan-events.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { decodeCursor, keysetPage } from '../../pagination/cursor.js';
import { findAccount } from '../accounts/accounts.repository.js';
import { scanJob } from './scan-job-definition.js';
import { scanScope } from './scan-scope.js';
import { toScan } from './scan-view.js';
import * as repo from './scans.repository.js';

export interface ScanServiceDeps {
  readonly config: Config;
  readonly db: Db;
  readonly jobs: JobQueue;
  readonly events: ScanEventBus;
}

export interface Actor extends Origin {
  readonly userId: string;
}

async function activeConflict(db: Db, accountId: string): Promise<AppError> {
  const activeScanId = await repo.findActiveScanId(db.kysely, accountId);
  return new AppError('conflict', `This account already has a scan in progress (${activeScanId ?? 'just finishing'}); wait for it or cancel it`, {
    activeScanId: activeScanId ?? null,
  });
}

type NewScan = Pick<repo.ScanRow, 'account_id' | 'regions' | 'checks' | 'scope_key' | 'attempt' | 'retry_of'>;

/**
 * Inserts the queued scan (the unique index refuses a second active one: 409), then enqueues its
 * job under the scan's id. A crash between the two leaves a queued scan without a job, which
 * `recoverScans` enqueues at the next start; enqueueing twice is harmless (same job id).
 */
async function queueScan(deps: ScanServiceDeps, actor: Actor, scan: NewScan, audit: { action: string; details: Record<string, unknown> }): Promise<Scan> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const row = { ...scan, id, user_id: actor.userId, status: 'queued' as const, cached: 0, progress_done: 0, progress_total: 0, phase: 'queued', warnings: '[]', created_at: now, updated_at: now };
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await repo.insertScan(trx, row);
      await recordAudit(trx, { ...actor, action: audit.action, targetType: 'scan', targetId: id, details: audit.details });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await activeConflict(deps.db, scan.account_id);
    throw error;
  }
  try {
    await deps.jobs.enqueue(scanJob, { scanId: id }, { jobId: id, maxAttempts: deps.config.scanMaxAttempts });
  } catch (error) {
    // Not left queued with nothing to run it: the account would stay blocked until a restart.
    await repo.updateScan(deps.db.kysely, id, { from: ['queued'] }, { status: 'failed', error_message: 'The scan could not be queued; try again', completed_at: new Date().toISOString() });
    throw error;
  }
  deps.events.publish({ userId: actor.userId, scanId: id, payload: { type: 'status', status: 'queued' } });
  const view = await repo.findOwnedScan(deps.db.kysely, actor.userId, id);
  if (!view) throw notFound('The scan');
  return toScan(view);
}

export async function startScan(deps: ScanServiceDeps, actor: Actor, accountId: string, body: StartScanBody): Promise<{ status: 200 | 202; scan: Scan }> {
  const account = await findAccount(deps.db.kysely, actor.userId, accountId);
  if (!account) throw notFound('The AWS account');
  const scope = scanScope(body.regions, body.checks);
  if (!body.force && deps.config.scanCacheTtlSeconds > 0) {
    const since = new Date(Date.now() - deps.config.scanCacheTtlSeconds * 1000).toISOString();
    const cached = await repo.findCachedScan(deps.db.kysely, accountId, scope.key, since);
    if (cached) {
      await recordAudit(deps.db.kysely, { ...actor, action: 'scan.cached', targetType: 'scan', targetId: cached.id, details: { accountId } });
      return { status: 200, scan: toScan(cached, true) };
    }
  }
  const scan = await queueScan(
    deps,
    actor,
    { account_id: accountId, regions: JSON.stringify(scope.regions), checks: scope.checks && JSON.stringify(scope.checks), scope_key: scope.key, attempt: 1, retry_of: null },
    { action: 'scan.start', details: { accountId, regions: scope.regions, checks: scope.checks, force: body.force ?? false } },
  );
  return { status: 202, scan };
}

export async function retryScan(deps: ScanServiceDeps, actor: Actor, scanId: string): Promise<Scan> {
  const old = await repo.findOwnedScan(deps.db.kysely, actor.userId, scanId);
  if (!old) throw notFound('The scan');
  if (old.status !== 'failed' && old.status !== 'cancelled') {
    throw new AppError('conflict', `Only a failed or cancelled scan can be retried; this one is ${old.status}`, { status: old.status });
  }
  const { account_id, regions, checks, scope_key } = old;
  return queueScan(deps, actor, { account_id, regions, checks, scope_key, attempt: old.attempt + 1, retry_of: old.id }, {
    action: 'scan.retry',
    details: { accountId: account_id, retryOf: old.id },
  });
}

export async function cancelScan(deps: ScanServiceDeps, actor: Actor, scanId: string): Promise<Scan> {
  const scan = await repo.findOwnedScan(deps.db.kysely, actor.userId, scanId);
  if (!scan) throw notFound('The scan');
  const now = new Date().toISOString();
  const cancelled = await repo.updateScan(deps.db.kysely, scanId, { from: repo.ACTIVE, userId: actor.userId }, { status: 'cancelled', phase: 'cancelled', completed_at: now });
  if (!cancelled) {
    const current = await repo.findOwnedScan(deps.db.kysely, actor.userId, scanId);
    throw new AppError('conflict', `The scan has already ended (${current?.status ?? scan.status}); nothing to cancel`, { status: current?.status ?? scan.status });
  }
  // The scan row says cancelled first, so a worker that sees the abort writes nothing more.
  await deps.jobs.cancel(scanId);
  await recordAudit(deps.db.kysely, { ...actor, action: 'scan.cancel', targetType: 'scan', targetId: scanId, details: { accountId: scan.account_id } });
  deps.events.publish({ userId: actor.userId, scanId, payload: { type: 'status', status: 'cancelled' } });
  return getScan(deps.db, actor.userId, scanId);
}

export async function getScan(db: Db, userId: string, scanId: string): Promise<Scan> {
  const row = await repo.findOwnedScan(db.kysely, userId, scanId);
  if (!row) throw notFound('The scan');
  return toScan(row);
}

const CursorSchema = z.tuple([z.string().max(40), z.string().max(64)]);

export async function listScans(db: Db, userId: string, accountId: string, query: ScanListQuery): Promise<ScanPage> {
  const account = await findAccount(db.kysely, userId, accountId);
  if (!account) throw notFound('The AWS account');
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, CursorSchema);
  const rows = await repo.listAccountScans(db.kysely, accountId, query.limit + 1, before);
  const page = keysetPage(rows, query.limit, (last) => [last.created_at, last.id]);
  return { scans: page.rows.map((r) => toScan(r)), nextCursor: page.nextCursor };
}
