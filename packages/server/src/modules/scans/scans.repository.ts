import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, ScansTable, ScanStatus } from '../../db/schema.js';
import { abandonTextIndex } from '../findings/findings-text-index.js';

export type ScanRow = Selectable<ScansTable>;
/** A scan with the email of the person who started it: what every scan answer shows. */
export type ScanViewRow = ScanRow & { user_email: string };
type Executor = Kysely<Database> | Transaction<Database>;

export const ACTIVE: readonly ScanStatus[] = ['queued', 'running'];

function withEmail(db: Kysely<Database>) {
  return db.selectFrom('scans').innerJoin('users', 'users.id', 'scans.user_id').selectAll('scans').select('users.email as user_email');
}

/** Throws the database's unique violation when the account already has an active scan. */
export async function insertScan(db: Executor, row: Insertable<ScansTable>): Promise<void> {
  await db.insertInto('scans').values(row).execute();
}

/** The account's queued or running scan, if any (the unique index allows one). */
export async function findActiveScanId(db: Kysely<Database>, accountId: string): Promise<string | undefined> {
  const row = await db.selectFrom('scans').select('id').where('account_id', '=', accountId).where('status', 'in', ACTIVE).executeTakeFirst();
  return row?.id;
}

/** The newest completed scan of this scope finished after `since` (the scans_cache index). */
export async function findCachedScan(db: Kysely<Database>, accountId: string, scopeKey: string, since: string): Promise<ScanViewRow | undefined> {
  return withEmail(db)
    .where('scans.account_id', '=', accountId)
    .where('scans.scope_key', '=', scopeKey)
    .where('scans.status', '=', 'completed')
    .where('scans.completed_at', '>=', since)
    .orderBy('scans.completed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findOwnedScan(db: Kysely<Database>, userId: string, scanId: string): Promise<ScanViewRow | undefined> {
  return withEmail(db).where('scans.id', '=', scanId).where('scans.user_id', '=', userId).executeTakeFirst();
}

export async function findScan(db: Kysely<Database>, scanId: string): Promise<ScanRow | undefined> {
  return db.selectFrom('scans').selectAll().where('id', '=', scanId).executeTakeFirst();
}

/** Newest first; `before` is the (created_at, id) of the last row of the previous page. */
export async function listAccountScans(
  db: Kysely<Database>,
  accountId: string,
  limit: number,
  before: readonly [string, string] | undefined,
): Promise<ScanViewRow[]> {
  let query = withEmail(db).where('scans.account_id', '=', accountId);
  if (before) {
    const [createdAt, id] = before;
    query = query.where((eb) =>
      eb.or([eb('scans.created_at', '<', createdAt), eb.and([eb('scans.created_at', '=', createdAt), eb('scans.id', '<', id)])]),
    );
  }
  return query.orderBy('scans.created_at', 'desc').orderBy('scans.id', 'desc').limit(limit).execute();
}

/**
 * Every change to a scan's state goes through here, guarded by the states it may come from
 * and, for a worker, by the attempt it is running: a worker that lost its lease to another one
 * (which bumped the attempt) changes nothing. Returns whether the row changed.
 */
export async function updateScan(
  db: Executor,
  scanId: string,
  guard: { from: readonly ScanStatus[]; attempt?: number; userId?: string },
  values: Updateable<ScansTable>,
): Promise<boolean> {
  let query = db
    .updateTable('scans')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', scanId)
    .where('status', 'in', guard.from);
  if (guard.attempt !== undefined) query = query.where('attempt', '=', guard.attempt);
  if (guard.userId !== undefined) query = query.where('user_id', '=', guard.userId);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Rows of an earlier attempt: a re-run starts from nothing (the job is delivered at least once). */
export async function deleteScanFindings(db: Executor, scanId: string): Promise<void> {
  await db.deleteFrom('findings').where('scan_id', '=', scanId).execute();
  await db.deleteFrom('finding_groups').where('scan_id', '=', scanId).execute();
  await abandonTextIndex(db, scanId);
}

/** Queued scans that have no job (the process died between the insert and the enqueue). */
export async function queuedScansWithoutJob(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('scans')
    .leftJoin('jobs', 'jobs.id', 'scans.id')
    .select('scans.id')
    .where('scans.status', '=', 'queued')
    .where('jobs.id', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Active scans whose job ended anyway (a failure hook that never ran): state to settle. */
export async function activeScansWithEndedJob(
  db: Kysely<Database>,
): Promise<{ id: string; user_id: string; job_status: string; last_error: string | null }[]> {
  return db
    .selectFrom('scans')
    .innerJoin('jobs', 'jobs.id', 'scans.id')
    .select(['scans.id', 'scans.user_id', 'jobs.status as job_status', 'jobs.last_error'])
    .where('scans.status', 'in', ACTIVE)
    .where('jobs.status', 'in', ['done', 'failed', 'cancelled'])
    .execute();
}
