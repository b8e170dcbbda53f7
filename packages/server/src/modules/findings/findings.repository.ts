import type { CheckResult } from '@cloudsweep/engine';
import type SQLite from 'better-sqlite3';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Database, FindingsTable, ScansTable } from '../../db/schema.js';
import { insertChunks, insertPrepared } from './findings-ingest.js';
import { afterCondition, filterConditions, isSqlite, SORT_COLUMN, textIndexOf, type FindingFilters, type Keyset, type Resume } from './findings-query.js';
import { textSearchPage } from './findings-text-search.js';
import { isGroupSort, walkFindings } from './findings-walk.js';

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

/**
 * One keyset page on the resource sort, one row more than asked (it tells if another page
 * exists), or one part of it when resuming: `tie` (the last row's ARN, id beyond) or `beyond`.
 */
function findingsPageQuery(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, extra?: RowCondition, part: Resume = 'beyond') {
  const column = SORT_COLUMN[page.sort];
  return db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => {
      const after = afterCondition(eb, page, part);
      const conditions = [eb('scan_id', '=', scanId), ...filterConditions(eb, filters, textIndexOf(db))];
      if (after) conditions.push(after);
      if (extra) conditions.push(extra(eb));
      return eb.and(conditions);
    })
    .orderBy(column, page.order)
    .orderBy('id', page.order)
    .limit(page.limit + 1);
}

async function resourcePage(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, extra?: RowCondition): Promise<FindingRow[]> {
  if (!page.after) return findingsPageQuery(db, scanId, filters, page, extra).execute();
  const tie = await findingsPageQuery(db, scanId, filters, page, extra, 'tie').execute();
  if (tie.length > page.limit) return tie;
  const rest = await findingsPageQuery(db, scanId, filters, { ...page, limit: page.limit - tie.length }, extra, 'beyond').execute();
  return [...tie, ...rest];
}

/**
 * A page (limit + 1 rows). Text search goes through a text index where one serves it; the
 * severity, check and region sorts are planned from the scan's finding_groups
 * (findings-walk.ts); the resource sort walks its index from the cursor.
 */
export async function listFindings(db: Kysely<Database>, scanId: string, filters: FindingFilters, page: Keyset, extra?: RowCondition): Promise<FindingRow[]> {
  if (filters.q !== undefined) {
    const rows = await textSearchPage(db, scanId, { ...filters, q: filters.q }, page, extra);
    if (rows) return rows;
  }
  const sort = page.sort;
  if (!isGroupSort(sort)) return resourcePage(db, scanId, filters, page, extra);
  const walk = (trx: Kysely<Database>) => walkFindings(trx, { scanId, filters, page: { ...page, sort }, textIndex: textIndexOf(db), extra });
  return db.isTransaction ? walk(db) : snapshot(db).execute(walk);
}

/**
 * A read transaction that sees one state of the database throughout: a page planned from
 * finding_groups must read the rows as of the same moment, or a batch landing in between could
 * hold rows the counts did not promise (the walk stops at the counted number per value).
 */
function snapshot(db: Kysely<Database>) {
  const transaction = db.transaction();
  return isSqlite(db) ? transaction : transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
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

/** Check ids present in the scan, from its finding_groups (a few thousand rows, not its findings). */
export async function checkIdsOfScan(db: Kysely<Database>, scanId: string): Promise<string[]> {
  const rows = await db.selectFrom('finding_groups').select('check_id').distinct().where('scan_id', '=', scanId).orderBy('check_id').execute();
  return rows.map((r) => r.check_id);
}
