import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.js';
import { filterConditions, partFilters, type FindingFilters, type Keyset, type Resume } from '../src/modules/findings/findings-query.js';
import { findingsPageQuery, insertFindings } from '../src/modules/findings/findings.repository.js';
import { insertAccount, insertScan, syntheticResults } from './findings-test-kit.js';
import { freshDatabase, type TestDatabase } from './test-databases.js';

// PostgreSQL with real statistics (ANALYZE on a populated table, as autoanalyze leaves it) and no
// planner settings forced: a deep filtered page must seek, not read the table. Before partFilters,
// `severity=high` resumed beyond rank 4 asked `rank = 4 AND rank < 4`, which the planner costed as
// thousands of rows and answered by walking the whole primary key (157 ms at 1M rows).
const ROWS = 30_000;
const FILTERS: Array<[string, FindingFilters]> = [
  ['severity=high', { severityRanks: [4] }],
  ['severity=critical,high', { severityRanks: [5, 4] }],
  ['severity=critical,low', { severityRanks: [5, 2] }],
  ['region', { region: ['eu-west-1'] }],
  ['status', { status: ['fail'] }],
];

async function analyzed(db: Kysely<Database>, query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>({ ...query, sql: `EXPLAIN (ANALYZE) ${query.sql}`, query: query as never, queryId: { queryId: 'plan' } });
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

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
      for (const part of ['tie', 'beyond'] as Resume[]) {
        const partial = partFilters(filters, page, part);
        if (!partial) continue; // listFindings skips a part that can match nothing
        const plan = await analyzed(db, findingsPageQuery(db, scanId, partial, page, undefined, part).compile());
        expect(plan, plan).toMatch(/Index Scan/);
        expect(plan, plan).not.toMatch(/Sort|Seq Scan/);
        const removed = [...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
        expect(removed, plan).toBeLessThan(1_000);
      }
    }
  });
});
