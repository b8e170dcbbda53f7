import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.js';
import { readyTextIndex, scanRowids, TextIndexer } from '../src/modules/findings/findings-text-index.js';
import { insertFindings, listFindings } from '../src/modules/findings/findings.repository.js';
import { deleteScanFindings } from '../src/modules/scans/scans.repository.js';
import { insertAccount, insertScan, syntheticResults } from './findings-test-kit.js';
import { freshDatabase, type TestDatabase } from './test-databases.js';

// SQLite's text index lifecycle (PostgreSQL has its trigram index instead, kept by the database):
// built after completion in chunks, abandoned when a scan's rows change, purged, rebuilt after a
// build cut short. The answers it gives are tested with every other path in
// findings-text-search.test.ts.
describe('SQLite text index of completed scans', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let accountId: string;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    db = database.db.kysely;
    await db.insertInto('users').values({ id: 'u', email: 'u@example.com', password_hash: 'x', created_at: new Date().toISOString() }).execute();
    accountId = await insertAccount(db, 'u');
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function scanWith(rows: number): Promise<string> {
    const scanId = await insertScan(db, { userId: 'u', accountId });
    await insertFindings(db, scanId, syntheticResults(0, rows));
    return scanId;
  }

  async function indexedRows(seq: number): Promise<number> {
    const { first, end } = scanRowids(seq);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM finding_text WHERE rowid >= ${first} AND rowid < ${end}`.execute(db);
    return Number(rows[0]?.n);
  }

  const textEntries = () => db.selectFrom('finding_text_scans').selectAll().execute();

  async function build(scanId: string, chunkRows = 13): Promise<number> {
    const indexer = new TextIndexer(db, { chunkRows });
    indexer.schedule(scanId);
    await indexer.idle();
    const seq = await readyTextIndex(db, scanId);
    if (seq === undefined) throw new Error('no ready index');
    return seq;
  }

  it('indexes every row of the scan once, over many chunks, and marks it ready', async () => {
    const scanId = await scanWith(200);
    expect(await readyTextIndex(db, scanId)).toBeUndefined();
    const seq = await build(scanId);
    expect(await indexedRows(seq)).toBe(200);
    const page = await listFindings(db, scanId, { q: 'res-000019' }, { sort: 'severity', order: 'desc', limit: 50 });
    expect(page.map((r) => r.resource_id).sort()).toEqual(['res-0000190', 'res-0000191', 'res-0000192', 'res-0000193', 'res-0000194', 'res-0000195', 'res-0000196', 'res-0000197', 'res-0000198', 'res-0000199']);
  });

  it('abandons the index when the scan is re-run, and purges its rows', async () => {
    const scanId = await scanWith(60);
    const seq = await build(scanId);
    await deleteScanFindings(db, scanId);
    expect(await readyTextIndex(db, scanId)).toBeUndefined();
    const indexer = new TextIndexer(db, { chunkRows: 7 });
    await indexer.resume(); // the scan is still "completed" here: rebuilt from its (now no) rows
    await indexer.idle();
    expect(await indexedRows(seq)).toBe(0);
    expect((await textEntries()).some((e) => e.seq === seq)).toBe(false);
  });

  it('purges the index of a deleted scan', async () => {
    const scanId = await scanWith(40);
    const seq = await build(scanId);
    await db.deleteFrom('scans').where('id', '=', scanId).execute();
    expect((await textEntries()).find((e) => e.seq === seq)).toMatchObject({ scan_id: null });
    const indexer = new TextIndexer(db);
    await indexer.resume();
    await indexer.idle();
    expect(await indexedRows(seq)).toBe(0);
    expect((await textEntries()).some((e) => e.seq === seq)).toBe(false);
  });

  it('rebuilds an index whose build was cut short, without its partial rows', async () => {
    const scanId = await scanWith(120);
    // What a process killed mid-build leaves: a 'building' entry and its first chunk's rows.
    const entry = await db.insertInto('finding_text_scans').values({ scan_id: scanId, state: 'building' }).returningAll().executeTakeFirstOrThrow();
    await sql`INSERT INTO finding_text (rowid, text) SELECT (${entry.seq} << 43) | (severity_rank << 40) | id, resource_arn FROM findings WHERE scan_id = ${scanId} AND severity_rank = 1`.execute(db);
    expect(await indexedRows(entry.seq)).toBeGreaterThan(0);
    expect(await readyTextIndex(db, scanId)).toBeUndefined();
    // Until it is ready, q is answered without it, and completely.
    const before = await listFindings(db, scanId, { q: 'res-00001' }, { sort: 'severity', order: 'desc', limit: 50 });
    expect(before).toHaveLength(20); // res-0000100 ... res-0000119
    const restarted = new TextIndexer(db, { chunkRows: 10 });
    await restarted.resume();
    await restarted.idle();
    const seq = await readyTextIndex(db, scanId);
    expect(seq).toBeDefined();
    expect(seq).not.toBe(entry.seq);
    expect(await indexedRows(seq ?? 0)).toBe(120);
    expect(await indexedRows(entry.seq)).toBe(0);
    const after = await listFindings(db, scanId, { q: 'res-00001' }, { sort: 'severity', order: 'desc', limit: 50 });
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  });
});
