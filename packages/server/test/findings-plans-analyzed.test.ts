import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterConditions, type FindingFilters, type Keyset } from '../src/modules/findings/findings-query.js';
import { insertFindings, listFindings } from '../src/modules/findings/findings.repository.js';
import { insertAccount, insertScan, syntheticResults } from './findings-test-kit.js';
import { capturing, explain, findingsReads } from './query-capture.js';
import { freshDatabase, type TestDatabase } from './test-databases.js';

// PostgreSQL with real statistics (ANALYZE on a populated table, as autoanalyze leaves it) and no
// planner settings forced: a deep filtered page must seek, not read the table. Earlier plans
// walked the whole primary key for `severity=high` resumed beyond rank 4 (157 ms at 1M rows), and
// the rest of the severity index after the last `service=ec2` row (60 ms); the walk planner
// (findings-walk.ts) visits only severities that hold matches, and a service's checks one by one.
const ROWS = 30_000;
const FILTERS: Array<[string, FindingFilters]> = [
  ['severity=high', { severityRanks: [4] }],
  ['severity=critical,high', { severityRanks: [5, 4] }],
  ['severity=critical,low', { severityRanks: [5, 2] }],
  ['region', { region: ['eu-west-1'] }],
  ['status', { status: ['fail'] }],
  ['service=ec2', { service: ['ec2'] }],
  ['kind=cost', { kind: ['cost'] }],
  ['check', { check: ['s3.bucket-not-public'] }],
  ['status=fail&service=iam', { status: ['fail'], service: ['iam'] }],
  ['status=fail&service=iam&region=eu-west-1', { status: ['fail'], service: ['iam'], region: ['eu-west-1'] }],
];

describe('findings page plans on postgres with statistics', () => {
  let database: TestDatabase;
  let scanId: string;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    const db = database.db.kysely;
    await db.insertInto('users').values({ id: 'plans-user', email: 'plans@example.com', password_hash: 'x', created_at: new Date().toISOString() }).execute();
    scanId = await insertScan(db, { userId: 'plans-user', accountId: await insertAccount(db, 'plans-user') });
    for (let from = 0; from < ROWS; from += 5_000) await insertFindings(db, scanId, syntheticResults(from, 5_000));
    await sql`ANALYZE findings`.execute(db);
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
  });

  /** The row at `offset` of the filtered listing, severity desc: where a page there resumes. */
  async function rowAt(filters: FindingFilters, offset: number): Promise<NonNullable<Keyset['after']>> {
    const row = await database.db.kysely.selectFrom('findings').select(['severity_rank', 'id'])
      .where((eb) => eb.and([eb('scan_id', '=', scanId), ...filterConditions(eb, filters)]))
      .orderBy('severity_rank', 'desc').orderBy('id', 'desc').offset(offset).limit(1).executeTakeFirstOrThrow();
    return { key: row.severity_rank, id: row.id };
  }

  it.each(FILTERS)('%s: deep pages seek an index, with no sort and no table walk', async (_name, filters) => {
    const db = database.db.kysely;
    const count = async (extra: FindingFilters): Promise<number> => {
      const row = await db.selectFrom('findings').select(sql<string>`count(*)`.as('n'))
        .where((eb) => eb.and([eb('scan_id', '=', scanId), ...filterConditions(eb, { ...filters, ...extra })])).executeTakeFirstOrThrow();
      return Number(row.n);
    };
    // Middle, last, and just before the critical rows end (where critical,low resumes beyond rank 5).
    const critical = filters.severityRanks?.includes(5) === false ? 0 : await count({ severityRanks: [5] });
    const total = await count({});
    for (const offset of [Math.floor(total / 2), total - 51, ...(critical > 10 ? [critical - 10] : [])]) {
      const page: Keyset = { sort: 'severity', order: 'desc', limit: 50, after: await rowAt(filters, offset) };
      const capture = capturing(db);
      await listFindings(capture.db, scanId, filters, page);
      let removed = 0;
      for (const query of findingsReads(capture.queries)) {
        const plan = await explain(db, 'postgres', query, true);
        expect(plan, plan).toMatch(/Index Scan/);
        expect(plan, plan).not.toMatch(/Seq Scan/);
        // A union of per-check seeks merges at most limit rows per check; nothing else sorts.
        if (!/Append/.test(plan)) expect(plan, plan).not.toMatch(/Sort/);
        removed += [...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
      }
      // Bounded by the page, not the table: a union reads up to limit / (share matching the
      // other filters) rows per check; walking a stretch with no match removed 17,000-30,000.
      expect(removed).toBeLessThan(ROWS / 10);
    }
  });
});
