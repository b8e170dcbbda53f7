import type { CheckResult } from '@cloudsweep/engine';
import type SQLite from 'better-sqlite3';
import { sql, SqliteAdapter, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Database, FindingsTable, ScansTable } from '../../db/schema.js';
import { insertChunks, insertPrepared } from './findings-ingest.js';
import { afterCondition, filterConditions, partFilters, SORT_COLUMN, type FindingFilters, type Keyset, type Resume, type TextIndex } from './findings-query.js';

export type FindingRow = Selectable<FindingsTable>;
export type ScanRow = Pick<Selectable<ScansTable>, 'id' | 'account_id' | 'status' | 'created_at' | 'completed_at'>;
/** Extra rows a diff keeps or drops, given as a condition on the outer `findings` row. */
export type RowCondition = (eb: ExpressionBuilder<Database, 'findings'>) => Expression<SqlBool>;

/**
 * Ingests one batch of engine results for a scan, all in one transaction (the caller's, when it
 * passes one), so a batch is either fully visible or not at all. Given the SQLite connection
 * (`Db.sqlite`), rows go through a reused prepared statement (insertPrepared, ~1.5x faster);
 * otherwise, and always on PostgreSQL, as multi-row INSERTs in chunks.
 */
export async function insertFindings(
  db: Kysely<Database> | Transaction<Database>,
  scanId: string,
  results: readonly CheckResult[],
  sqlite?: SQLite.Database,
): Promise<void> {
  if (results.length === 0) return;
  const write = async (trx: Kysely<Database>): Promise<void> =>
    sqlite ? insertPrepared(sqlite, scanId, results) : insertChunks(trx, scanId, results);
  if (db.isTransaction) return write(db);
  await db.transaction().execute(write);
}

const SCAN_COLUMNS = ['id', 'account_id', 'status', 'created_at', 'completed_at'] as const;

/** The scan when it belongs to the user; undefined otherwise (the caller answers 404). */
export async function findUserScan(db: Kysely<Database>, scanId: string, userId: string): Promise<ScanRow | undefined> {
  return db.selectFrom('scans').select(SCAN_COLUMNS).where('id', '=', scanId).where('user_id', '=', userId).executeTakeFirst();
}

export async function userOwnsAccount(db: Kysely<Database>, accountId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('aws_accounts').select('id').where('id', '=', accountId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function findAccountNumber(db: Kysely<Database>, accountId: string): Promise<string | null> {
  const row = await db.selectFrom('aws_accounts').select('aws_account_id').where('id', '=', accountId).executeTakeFirst();
  return row?.aws_account_id ?? null;
}

/** The account's completed scans newest first by completion; `before` excludes that one and later. */
export async function latestCompletedScan(db: Kysely<Database>, accountId: string, before?: ScanRow): Promise<ScanRow | undefined> {
  let query = db.selectFrom('scans').select(SCAN_COLUMNS).where('account_id', '=', accountId).where('status', '=', 'completed');
  if (before) {
    query = query.where('id', '!=', before.id);
    if (before.completed_at) query = query.where('completed_at', '<', before.completed_at);
  }
  return query.orderBy('completed_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Migration 0006 gives PostgreSQL a pg_trgm index (when it may create the extension), SQLite none. */
export function textIndexOf(db: Kysely<Database>): TextIndex {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'none' : 'trigram';
}

/** The query of one keyset page, one row more than asked (it tells if another page exists). */
export function findingsPageQuery(
  db: Kysely<Database>,
  scanId: string,
  filters: FindingFilters,
  page: Keyset,
  extra?: RowCondition,
  part: Resume = 'beyond',
) {
  const column = SORT_COLUMN[page.sort];
  return db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => {
      const after = afterCondition(eb, page, part, filters.severityRanks);
      const conditions = [eb('scan_id', '=', scanId), ...filterConditions(eb, filters, textIndexOf(db))];
      if (after) conditions.push(after);
      if (extra) conditions.push(extra(eb));
      return eb.and(conditions);
    })
    .orderBy(column, page.order)
    .orderBy('id', page.order)
    .limit(page.limit + 1);
}

export async function listFindings(
  db: Kysely<Database>,
  scanId: string,
  filters: FindingFilters,
  page: Keyset,
  extra?: RowCondition,
): Promise<FindingRow[]> {
  if (!page.after) return findingsPageQuery(db, scanId, filters, page, extra).execute();
  const tieFilters = partFilters(filters, page, 'tie');
  const tie = tieFilters ? await findingsPageQuery(db, scanId, tieFilters, page, extra, 'tie').execute() : [];
  if (tie.length > page.limit) return tie;
  const beyondFilters = partFilters(filters, page, 'beyond');
  if (!beyondFilters) return tie;
  const rest = await findingsPageQuery(db, scanId, beyondFilters, { ...page, limit: page.limit - tie.length }, extra, 'beyond').execute();
  return [...tie, ...rest];
}

export async function countFindings(db: Kysely<Database>, scanId: string, filters: FindingFilters, extra?: RowCondition): Promise<number> {
  const row = await db
    .selectFrom('findings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.and([eb('scan_id', '=', scanId), ...filterConditions(eb, filters, textIndexOf(db)), ...(extra ? [extra(eb)] : [])]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A failed finding with the same fingerprint in `scanId`: the diff's "same problem" test. The
 * fingerprint is sha256(check id, resource ARN), so matching the ARN too changes no answer; it
 * lets the lookup seek (scan_id, resource_arn, id) — a few rows per resource — since there is
 * no fingerprint index (migration 0005: its random keys halved ingest).
 */
export function failingIn(scanId: string): RowCondition {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom('findings as other')
        .select(sql`1`.as('one'))
        .where('other.scan_id', '=', scanId)
        .whereRef('other.resource_arn', '=', 'findings.resource_arn')
        .whereRef('other.fingerprint', '=', 'findings.fingerprint')
        .where('other.status', '=', 'fail'),
    );
}

export function notFailingIn(scanId: string): RowCondition {
  return (eb) => eb.not(failingIn(scanId)(eb));
}

/** Check ids present in the scan, from the (scan_id, check_id, id) index. */
export async function checkIdsOfScan(db: Kysely<Database>, scanId: string): Promise<string[]> {
  const rows = await db.selectFrom('findings').select('check_id').distinct().where('scan_id', '=', scanId).orderBy('check_id').execute();
  return rows.map((r) => r.check_id);
}
