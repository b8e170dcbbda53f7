import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingGroupsMigration } from '../src/db/migrations/0007-finding-groups.js';
import type { Database } from '../src/db/schema.js';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import { deleteScanFindings } from '../src/modules/scans/scans.repository.js';
import { insertAccount, insertScan, syntheticResult, syntheticResults } from './findings-test-kit.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

// finding_groups is derived data: after any sequence of batches it must equal counting the rows.
describe.each(DATABASE_KINDS)('finding_groups on %s', (kind) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let accountId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db.kysely;
    await db.insertInto('users').values({ id: 'u', email: 'u@example.com', password_hash: 'x', created_at: new Date().toISOString() }).execute();
    accountId = await insertAccount(db, 'u');
  });

  afterAll(async () => {
    await database?.drop();
  });

  const stored = (scanId: string) =>
    db.selectFrom('finding_groups').select(['check_id', 'severity_rank', 'region', 'status', 'service', 'kind', 'findings', 'savings_usd'])
      .where('scan_id', '=', scanId).orderBy(['check_id', 'severity_rank', 'region', 'status']).execute();

  async function counted(scanId: string) {
    const { rows } = await sql<{ check_id: string; severity_rank: number; region: string; status: string; service: string; kind: string; findings: number; savings_usd: number }>`
      SELECT check_id, severity_rank, region, status, min(service) AS service, min(kind) AS kind, count(*) AS findings, coalesce(sum(savings_usd), 0) AS savings_usd
      FROM findings WHERE scan_id = ${scanId} GROUP BY check_id, severity_rank, region, status ORDER BY check_id, severity_rank, region, status`.execute(db);
    return rows.map((r) => ({ ...r, findings: Number(r.findings), savings_usd: Number(r.savings_usd) }));
  }

  it('counts every batch into the same groups as counting the rows (both ingest paths)', async () => {
    const scanId = await insertScan(db, { userId: 'u', accountId, status: 'running' });
    // Overlapping groups across batches, one batch through the SQLite prepared path where there is one.
    await insertFindings(db, scanId, syntheticResults(0, 700));
    await insertFindings(db, scanId, syntheticResults(700, 500), database.db.sqlite);
    await insertFindings(db, scanId, [syntheticResult(1200, { status: 'fail', savings: { monthlyUsd: 0.1, basis: 'x' } })]);
    const groups = await stored(scanId);
    expect(groups.reduce((n, g) => n + g.findings, 0)).toBe(1201);
    expect(groups.map((g) => ({ ...g, savings_usd: Math.round(g.savings_usd * 100) }))).toEqual(
      (await counted(scanId)).map((g) => ({ ...g, savings_usd: Math.round(g.savings_usd * 100) })),
    );
  });

  it('drops a scan\'s groups with its rows when the scan is re-run', async () => {
    // One active scan per account: this one gets its own.
    const scanId = await insertScan(db, { userId: 'u', accountId: await insertAccount(db, 'u'), status: 'running' });
    await insertFindings(db, scanId, syntheticResults(0, 100));
    await deleteScanFindings(db, scanId);
    expect(await stored(scanId)).toEqual([]);
  });

  it('the migration backfills the groups of scans ingested before it', async () => {
    const scanId = await insertScan(db, { userId: 'u', accountId });
    await insertFindings(db, scanId, syntheticResults(0, 300));
    await db.schema.dropTable('finding_groups').execute();
    await findingGroupsMigration.up(db);
    expect(await stored(scanId)).toEqual(await counted(scanId));
  });
});
