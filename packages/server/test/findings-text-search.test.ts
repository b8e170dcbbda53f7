import type { CheckResult } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import type { DatabaseKind } from '../src/db/database.js';
import { readyTextIndex, TextIndexer } from '../src/modules/findings/findings-text-index.js';
import { insertFindings, listFindings } from '../src/modules/findings/findings.repository.js';
import { asUser, RELAXED_LIMITS, signUp, type SignedInClient } from './auth-test-kit.js';
import { insertAccount, insertScan, syntheticResult, syntheticResults } from './findings-test-kit.js';
import { capturing, findingsReads } from './query-capture.js';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from './test-databases.js';

interface Item { id: number; resourceId: string }
interface Page { items: Item[]; nextCursor: string | null }

// Synthetic rows, plus ids with LIKE wildcards and case to tell a literal substring from a pattern.
const SPECIAL = ['disk-50%_off', 'disk-a_b', 'disk-axb', 'disk-50xoff', 'Bucket-MiXeD', 'say-"hi"-AND-bye', 'vol-ÄÖü-1'];
const ALL: CheckResult[] = [
  ...syntheticResults(0, 240),
  ...SPECIAL.map((id, k) => syntheticResult(240 + k, { resourceId: id, resourceArn: `arn:aws:ec2:us-east-1:123456789012:volume/${id}` })),
];

/** The answer q must give: a case-insensitive substring of resource ARN or id. */
const matches = (q: string) => (r: CheckResult): boolean =>
  r.resourceArn.toLowerCase().includes(q.toLowerCase()) || r.resourceId.toLowerCase().includes(q.toLowerCase());

// SQLite twice: before its text index is built (q filters the walk) and after (FTS5, severity
// sort). The answers must not differ.
const VARIANTS = DATABASE_KINDS.flatMap((kind) => (kind === 'sqlite' ? [[kind, 'walk'], [kind, 'text index']] : [[kind, 'trigram']]));

describe.each(VARIANTS)('findings text search (q) on %s, %s', (kind, path) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let owner: SignedInClient;
  let scanId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind as DatabaseKind);
    app = await buildApp({ config: loadConfig(RELAXED_LIMITS), db: database.db });
    owner = await signUp(app, 'text-search@example.com');
    const accountId = await insertAccount(database.db.kysely, owner.userId);
    scanId = await insertScan(database.db.kysely, { userId: owner.userId, accountId });
    await insertFindings(database.db.kysely, scanId, ALL);
    // Another scan's rows match too: they must never leak into this scan's pages.
    const other = await insertScan(database.db.kysely, { userId: owner.userId, accountId });
    await insertFindings(database.db.kysely, other, syntheticResults(0, 50));
    if (path === 'text index') {
      // Small chunks, so a build spans several transactions and every rank boundary.
      const indexer = new TextIndexer(database.db.kysely, { chunkRows: 17 });
      await indexer.resume();
      await indexer.idle();
      expect(await readyTextIndex(database.db.kysely, scanId)).toBeDefined();
      expect(await readyTextIndex(database.db.kysely, other)).toBeDefined();
    }
  });

  if (path === 'text index') it.each(['severity', 'check', 'resource'] as const)('answers a %s page with q from the text index', async (sort) => {
    const capture = capturing(database.db.kysely);
    await listFindings(capture.db, scanId, { q: 'res-0001' }, { sort, order: 'desc', limit: 5 });
    // Severity reads it in order; other sorts sort its few candidates (findings-text-search.ts).
    expect(findingsReads(capture.queries).map((q) => q.sql).join('\n')).toMatch(/finding_text MATCH/);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function everyPage(query: string, limit: number): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/scans/${scanId}/findings?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await app.inject({ method: 'GET', url, headers: asUser(owner, false) });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<Page>();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  const SORTS = ['sort=severity', 'sort=resource&order=desc', 'sort=check', 'sort=region&order=asc'];
  it.each(SORTS.flatMap((sort) => ['res-00001', 'RES-0002', 'us-east', 'thing/res-0000'].map((q) => [sort, q])))(
    'pages through %s with q=%s: every matching row exactly once',
    async (sort, q) => {
      const items = await everyPage(`${sort}&q=${encodeURIComponent(q)}`, 7);
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      expect(items.map((i) => i.resourceId).sort()).toEqual(ALL.filter(matches(q)).map((r) => r.resourceId).sort());
    },
  );

  it.each(['7', '07', 'X', 'mi', 'b'])('q of one or two characters (%s) matches as a substring', async (q) => {
    const items = await everyPage(`q=${encodeURIComponent(q)}`, 50);
    expect(items.map((i) => i.resourceId).sort()).toEqual(ALL.filter(matches(q)).map((r) => r.resourceId).sort());
  });

  it.each([
    ['%', ['disk-50%_off']],
    ['_', ['disk-50%_off', 'disk-a_b']],
    ['a_b', ['disk-a_b']],
    ['50%_', ['disk-50%_off']],
    ['50%', ['disk-50%_off']],
    ['\\', []],
    ['bucket-mixed', ['Bucket-MiXeD']],
    ['"hi"-and', ['say-"hi"-AND-bye']],
    ['ÄÖü', ['vol-ÄÖü-1']],
    ['ü-1', ['vol-ÄÖü-1']],
  ])('treats LIKE wildcards and the escape literally: q=%s', async (q, expected) => {
    const items = await everyPage(`q=${encodeURIComponent(q)}`, 50);
    expect(items.map((i) => i.resourceId).sort()).toEqual([...expected].sort());
  });

  it('combines q with other filters and keeps keyset pages', async () => {
    const items = await everyPage('q=res-00001&region=eu-west-1&sort=severity', 3);
    const expected = ALL.filter((r) => matches('res-00001')(r) && r.region === 'eu-west-1');
    expect(expected.length).toBeGreaterThan(3);
    expect(items.map((i) => i.resourceId).sort()).toEqual(expected.map((r) => r.resourceId).sort());
  });
});

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('findings text search on PostgreSQL without the right to create pg_trgm', () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  const name = `cloudsweep_noext_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${name}`);
    await admin.end();
  });

  it('migrates without the trigram index and answers q by scanning', async () => {
    await admin.connect();
    await admin.query(`CREATE ROLE ${name} LOGIN`);
    await admin.query(`CREATE DATABASE ${name}`);
    // Tables in public, but no CREATE on the database: a trusted extension cannot be created.
    const grant = new pg.Client({ connectionString: urlOf(name) });
    await grant.connect();
    await grant.query(`GRANT CREATE, USAGE ON SCHEMA public TO ${name}`);
    await grant.end();
    const db = openDatabase({ kind: 'postgres', url: urlOf(name, name) });
    try {
      await migrateToLatest(db);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'findings_text_trgm'`.execute(db.kysely);
      expect(rows[0]?.n).toBe(0);
      await db.kysely.insertInto('users').values({ id: 'u', email: 'u@example.com', password_hash: 'x', created_at: new Date().toISOString() }).execute();
      const scan = await insertScan(db.kysely, { userId: 'u', accountId: await insertAccount(db.kysely, 'u') });
      await insertFindings(db.kysely, scan, ALL);
      const rowsFound = await listFindings(db.kysely, scan, { q: 'A_B' }, { sort: 'severity', order: 'desc', limit: 10 });
      expect(rowsFound.map((r) => r.resource_id)).toEqual(['disk-a_b']);
    } finally {
      await db.close();
    }
  });
});

/** The admin URL pointed at `database`, as `user` when given (no password: local trust). */
function urlOf(database: string, user?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = '';
  }
  return url.toString();
}
