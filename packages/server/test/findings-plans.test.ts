import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterConditions, type FindingFilters, type Keyset, type SortKey } from '../src/modules/findings/findings-query.js';
import { failingIn, insertFindings, listFindings } from '../src/modules/findings/findings.repository.js';
import { insertAccount, insertScan, syntheticResults } from './findings-test-kit.js';
import { capturing, explain, findingsReads, withoutSeqScans } from './query-capture.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

// Every query a page runs, first and deep, filtered or not, reads an index range in order: no
// sort of the scan's rows, which is what keeps a page at any depth as cheap as the first
// (docs/benchmarks.md). The one sort allowed is the merge of a union of per-check seeks (at most
// limit rows per check). PostgreSQL may resume on the primary key: also ordered.
const CASES: Array<[string, SortKey, FindingFilters, Keyset['after']]> = [
  ['severity, first page', 'severity', {}, undefined],
  ['severity, deep page', 'severity', {}, { key: 3, id: 500 }],
  ['check, deep page', 'check', {}, { key: 'ec2.x', id: 500 }],
  ['region, deep page', 'region', {}, { key: 'eu-west-1', id: 500 }],
  ['resource, deep page', 'resource', {}, { key: 'arn:aws:s3', id: 500 }],
  ['severity=high, deep page', 'severity', { severityRanks: [4] }, { key: 4, id: 500 }],
  ['region filter, deep page', 'severity', { region: ['eu-west-1'] }, { key: 3, id: 500 }],
  ['severity=critical,low, deep page', 'severity', { severityRanks: [5, 2] }, { key: 5, id: 500 }],
  ['service=ec2, deep page', 'severity', { service: ['ec2'] }, { key: 3, id: 500 }],
  ['kind=cost, first page', 'severity', { kind: ['cost'] }, undefined],
  ['status=fail, check sort, deep page', 'check', { status: ['fail'] }, { key: 'ec2.x', id: 500 }],
  ['service=s3, region sort, deep page', 'region', { service: ['s3'] }, { key: 'eu-west-1', id: 500 }],
];

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
    const plan = await withoutSeqScans(db, kind, (trx) => explain(trx, kind, query));
    expect(plan).toMatch(kind === 'sqlite' ? /SEARCH other .*INDEX findings_scan_resource \(scan_id=\? AND resource_arn=\?\)/ : /Index Scan using findings_scan_resource on findings other/);
  });

  it.each(CASES)('%s reads index ranges in order, with no sort of the scan\'s rows', async (_name, sort, filters, after) => {
    const order = sort === 'severity' ? 'desc' : 'asc';
    const page: Keyset = { sort, order, limit: 50, after };
    const plans = await withoutSeqScans(database.db.kysely, kind, async (trx) => {
      const capture = capturing(trx);
      await listFindings(capture.db, scanId, filters, page);
      return Promise.all(findingsReads(capture.queries).map((q) => explain(trx, kind, q)));
    });
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(plan, plan).toMatch(kind === 'sqlite' ? /USING (COVERING )?INDEX findings_scan_/ : /Index Scan.*findings_(scan_|pkey)/);
      const union = /UNION ALL|Append/.test(plan);
      if (union) expect(plan, plan).toMatch(kind === 'sqlite' ? /INDEX findings_scan_check/ : /Index Scan.* findings_scan_check/);
      else expect(plan, plan).not.toMatch(kind === 'sqlite' ? /TEMP B-TREE/ : /Sort/);
    }
  });

  // The spelling check: the trigram index serves the condition q compiles to. Whether a page uses
  // it depends on how many rows the scan has (a 2,000-row scan is cheaper to filter); the 1M-row
  // bench measures that. Only sequential scans are discouraged. PostgreSQL only: SQLite's text
  // index is its own table (findings-text-index.test.ts), so this is defined for PostgreSQL
  // rather than skipped on SQLite.
  if (kind === 'postgres') it('q compiles to the expression the trigram index serves', async () => {
    const db = database.db.kysely;
    const query = db.selectFrom('findings').select('id').where((eb) => eb.and(filterConditions(eb, { q: 'RES-0001999' }, 'trigram'))).compile();
    const plan = await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      return explain(trx, kind, query);
    });
    expect(plan, plan).toMatch(/(Bitmap Index Scan on|Index Scan using) findings_text_order/);
  });

  // A severity page with q reads the GiST index nearest-first from its cursor: no sort of the
  // matches, whatever their number (migration 0009).
  if (kind === 'postgres') it('a severity page with q reads the ordered text index, with no sort', async () => {
    const capture = capturing(database.db.kysely);
    await listFindings(capture.db, scanId, { q: 'res-00012' }, { sort: 'severity', order: 'desc', limit: 20, after: { key: 3, id: 1500 } });
    const [query] = findingsReads(capture.queries);
    if (!query) throw new Error('no findings query ran');
    // As the page runs it (bitmap scans off), on a table too small to be worth an index otherwise.
    const plan = await withoutSeqScans(database.db.kysely, kind, (trx) => explain(trx, kind, query));
    expect(plan, plan).toMatch(/Index Scan using findings_text_order/);
    expect(plan, plan).toMatch(/Order By/);
    expect(plan, plan).not.toMatch(/Sort/);
  });
});
