import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.js';
import { filterConditions, partFilters, type FindingFilters, type Keyset, type SortKey } from '../src/modules/findings/findings-query.js';
import { failingIn, findingsPageQuery, insertFindings } from '../src/modules/findings/findings.repository.js';
import { insertAccount, insertScan, syntheticResults } from './findings-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

// Every sort, first and deep pages, walks a (scan_id, <sort>, id) index: no sort of the scan's
// rows, which is what keeps a page at any depth as cheap as the first (docs/benchmarks.md).
// PostgreSQL may resume a tie (sort value fixed, id beyond) on the primary key: also ordered.
const CASES: Array<[string, SortKey, FindingFilters, Keyset['after']]> = [
  ['severity, first page', 'severity', {}, undefined],
  ['severity, deep page', 'severity', {}, { key: 3, id: 500 }],
  ['check, deep page', 'check', {}, { key: 'ec2.x', id: 500 }],
  ['region, deep page', 'region', {}, { key: 'eu-west-1', id: 500 }],
  ['resource, deep page', 'resource', {}, { key: 'arn:aws:s3', id: 500 }],
  ['severity=high, deep page', 'severity', { severityRanks: [4] }, { key: 4, id: 500 }],
  ['region filter, deep page', 'severity', { region: ['eu-west-1'] }, { key: 3, id: 500 }],
  ['severity=critical,low, deep page', 'severity', { severityRanks: [5, 2] }, { key: 5, id: 500 }],
  ['severity=high,medium,low, deep page', 'severity', { severityRanks: [4, 3, 2] }, { key: 4, id: 500 }],
];

async function planOf(db: Kysely<Database>, kind: string, query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  if (kind === 'sqlite') {
    const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}`, query: query as never, queryId: { queryId: 'plan' } });
    return rows.map((r) => r.detail).join('\n');
  }
  return db.transaction().execute(async (trx) => {
    // A small test table would be read whole; this asks what the planner does when it cannot be.
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `EXPLAIN ${query.sql}`, query: query as never, queryId: { queryId: 'plan' } });
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe.each(DATABASE_KINDS)('findings query plans on %s', (kind) => {
  let database: TestDatabase;
  let scanId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db.kysely;
    await db.insertInto('users').values({ id: 'plans-user', email: 'plans@example.com', password_hash: 'x', created_at: new Date().toISOString() }).execute();
    scanId = await insertScan(db, { userId: 'plans-user', accountId: await insertAccount(db, 'plans-user') });
    await insertFindings(db, scanId, syntheticResults(0, 2_000));
    await sql`ANALYZE`.execute(db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('the diff looks a fingerprint up by resource ARN in the other scan, not by reading it', async () => {
    const db = database.db.kysely;
    const query = db.selectFrom('findings').select('id').where('scan_id', '=', scanId).where(failingIn('other-scan')).compile();
    const plan = await planOf(db, kind, query);
    expect(plan).toMatch(kind === 'sqlite' ? /SEARCH other .*INDEX findings_scan_resource \(scan_id=\? AND resource_arn=\?\)/ : /Index Scan using findings_scan_resource on findings other/);
  });

  it.each(CASES)('%s reads an index in order, with no sort step', async (_name, sort, filters, after) => {
    const order = sort === 'severity' ? 'desc' : 'asc';
    for (const part of ['tie', 'beyond'] as const) {
      const page: Keyset = { sort, order, limit: 50, after };
      const partial = partFilters(filters, page, part);
      if (!partial) continue; // listFindings skips a part that can match nothing
      const query = findingsPageQuery(database.db.kysely, scanId, partial, page, undefined, part).compile();
      const plan = await planOf(database.db.kysely, kind, query);
      expect(plan).toMatch(kind === 'sqlite' ? /USING (COVERING )?INDEX findings_scan_/ : /Index Scan.*findings_(scan_|pkey)/);
      expect(plan).not.toMatch(kind === 'sqlite' ? /TEMP B-TREE/ : /Sort/);
    }
  });

  // The spelling check: the trigram index serves the condition q compiles to. Whether a page uses
  // it depends on how many rows the scan has (a 2,000-row scan is cheaper to filter); the 1M-row
  // bench measures that. GIN serves only bitmap scans, so only sequential scans are discouraged.
  // PostgreSQL only: SQLite has no trigram index (it would cost ingest its target), so the test
  // is defined for PostgreSQL rather than skipped on SQLite.
  if (kind === 'postgres') it('q compiles to the expression the trigram index serves', async () => {
    const db = database.db.kysely;
    const query = db.selectFrom('findings').select('id').where((eb) => eb.and(filterConditions(eb, { q: 'RES-0001999' }, 'trigram'))).compile();
    const plan = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `EXPLAIN ${query.sql}`, query: query as never, queryId: { queryId: 'plan' } });
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan, plan).toMatch(/Bitmap Index Scan on findings_text_trgm/);
  });
});
