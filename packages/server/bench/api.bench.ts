// npm run bench:api: 1,000,000 findings in one scan on SQLite and on PostgreSQL (a fresh
// database each, made the way the tests make them), then page latency through app.inject, the
// findings summary, scan start latency and worker progress -> SSE client latency.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { DatabaseKind } from '../src/db/database.js';
import type { FindingFilters } from '../src/modules/findings/findings-query.js';
import { RELAXED_LIMITS, signUp } from '../test/auth-test-kit.js';
import { insertAccount, insertScan } from '../test/findings-test-kit.js';
import { freshDatabase, type TestDatabase } from '../test/test-databases.js';
import { countMatching, cursorAtOffset, percentile, table, timeRequests } from './api-bench-kit.js';
import { ingestRate, sqliteIngestComparison, storedSummaryOf, timeScanStarts, timeTextIndexBuild } from './api-bench-parts.js';
import { measureSseLatency } from './sse-latency.js';

const TOTAL = Number(process.env['BENCH_FINDINGS'] ?? 1_000_000);
const BATCH = 5_000;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);
const LIMIT = 50;
const COMPARE_ROWS = Number(process.env['BENCH_COMPARE_FINDINGS'] ?? 1_000_000);
const STARTS = 200;
const SUMMARY_RUNS = 5;
const KINDS: DatabaseKind[] = (process.env['BENCH_DATABASES'] ?? 'sqlite,postgres').split(',') as DatabaseKind[];

interface Variant { name: string; query: string; filters: FindingFilters }
const VARIANTS: Variant[] = [
  { name: 'no filter', query: '', filters: {} },
  { name: 'severity=high', query: '&severity=high', filters: { severityRanks: [4] } },
  { name: 'severity=critical,low', query: '&severity=critical,low', filters: { severityRanks: [5, 2] } },
  { name: 'region=eu-west-1', query: '&region=eu-west-1', filters: { region: ['eu-west-1'] } },
  { name: 'status=fail', query: '&status=fail', filters: { status: ['fail'] } },
  { name: 'service=ec2', query: '&service=ec2', filters: { service: ['ec2'] } },
  { name: 'kind=cost', query: '&kind=cost', filters: { kind: ['cost'] } },
  { name: 'check=s3.bucket-not-public', query: '&check=s3.bucket-not-public', filters: { check: ['s3.bucket-not-public'] } },
  { name: 'status=fail&service=iam&region=eu-west-1', query: '&status=fail&service=iam&region=eu-west-1', filters: { status: ['fail'], service: ['iam'], region: ['eu-west-1'] } },
  { name: 'q=res-001 (1%)', query: '&q=res-001', filters: { q: 'res-001' } },
  { name: 'q=res-09999 (rare)', query: '&q=res-09999', filters: { q: 'res-09999' } },
  { name: 'q=thing/res-05 (10%)', query: '&q=thing/res-05', filters: { q: 'thing/res-05' } },
  { name: 'q=ec2 (service in the ARN, 22%)', query: '&q=ec2', filters: { q: 'ec2' } },
  { name: 'q=no-such-thing (none)', query: '&q=no-such-thing', filters: { q: 'no-such-thing' } },
];

/** BENCH_VARIANTS=q,service keeps the variants whose name starts with one of them. */
const ONLY = process.env['BENCH_VARIANTS']?.split(',');
const variantsToRun = (): Variant[] => VARIANTS.filter((v) => !ONLY || ONLY.some((prefix) => v.name.startsWith(prefix)));

async function measurePages(app: FastifyInstance, database: TestDatabase, scanId: string, cookie: string): Promise<string[][]> {
  const rows: string[][] = [];
  for (const variant of variantsToRun()) {
    const matching = await countMatching(database.db.kysely, scanId, variant.filters);
    const positions: Array<[string, number]> = [['first', 0], ['middle', Math.floor(matching / 2)], ['last', Math.max(0, matching - LIMIT)]];
    for (const [position, offset] of positions) {
      const cursor = await cursorAtOffset(database.db.kysely, scanId, variant.filters, offset);
      const url = `/api/scans/${scanId}/findings?limit=${LIMIT}${variant.query}${cursor ? `&cursor=${cursor}` : ''}`;
      const samples = await timeRequests(app, url, cookie, RUNS);
      rows.push([database.db.kind, variant.name, `${position} (row ${offset.toLocaleString('en')} of ${matching.toLocaleString('en')})`, percentile(samples, 50).toFixed(2), percentile(samples, 95).toFixed(2)]);
    }
  }
  return rows;
}

const ms = (samples: readonly number[], p: number, digits = 2): string => percentile(samples, p).toFixed(digits);

/** From finding_groups while the scan runs, then the stored counts once it has completed. */
async function measureSummary(app: FastifyInstance, database: TestDatabase, scanId: string, cookie: string): Promise<string[][]> {
  const db = database.db.kysely;
  const url = `/api/scans/${scanId}/summary`;
  await db.updateTable('scans').set({ status: 'running', summary: null, completed_at: null }).where('id', '=', scanId).execute();
  const counted = await timeRequests(app, url, cookie, SUMMARY_RUNS);
  const summary = JSON.stringify(await storedSummaryOf(database.db, scanId));
  await db.updateTable('scans').set({ status: 'completed', summary, completed_at: new Date().toISOString() }).where('id', '=', scanId).execute();
  const stored = await timeRequests(app, url, cookie, SUMMARY_RUNS * 8);
  const kind = database.db.kind;
  return [
    [kind, 'running scan: finding_groups', ms(counted, 50), Math.max(...counted).toFixed(2)],
    [kind, 'completed scan: stored counts', ms(stored, 50), Math.max(...stored).toFixed(2)],
  ];
}

interface Result { ingest: string[]; pages: string[][]; summary: string[][]; starts: string[]; sse: string[] }

async function benchDatabase(kind: DatabaseKind): Promise<Result> {
  const database = await freshDatabase(kind);
  const config = loadConfig({ ...RELAXED_LIMITS, RATE_LIMIT_PER_MINUTE: '1000000', SCAN_RATE_LIMIT_PER_HOUR: '100000' });
  // No worker is started: scans stay queued, so scan start times the request path alone.
  const app = await buildApp({ config, db: database.db });
  try {
    const user = await signUp(app, `bench-${kind}@example.com`);
    const accountId = await insertAccount(database.db.kysely, user.userId);
    const scanId = await insertScan(database.db.kysely, { userId: user.userId, accountId });
    const rate = await ingestRate(database.db, scanId, TOTAL, BATCH);
    // What autovacuum does soon after a bulk insert, made deterministic so it does not run in the
    // middle of the timings (it did once: the first cell's p95 doubled). PostgreSQL vacuums and
    // analyzes; SQLite only analyzes (its VACUUM rewrites the file).
    await (kind === 'postgres' ? sql`VACUUM ANALYZE findings` : sql`ANALYZE findings`).execute(database.db.kysely);
    // SQLite: the text index the server builds once a scan completes (main.ts), timed.
    const textIndex = kind === 'sqlite' ? await timeTextIndexBuild(database.db.kysely, scanId) : undefined;
    const pages = await measurePages(app, database, scanId, user.cookie);
    const summary = await measureSummary(app, database, scanId, user.cookie);
    const starts = await timeScanStarts(app, database.db, user, STARTS);
    const sse = await measureSseLatency({ database: kind });
    return {
      ingest: [kind, TOTAL.toLocaleString('en'), `${Math.round(rate).toLocaleString('en')} findings/s`, textIndex ?? 'kept by PostgreSQL at ingest (GiST, read in page order)'],
      pages,
      summary,
      starts: [kind, ms(starts, 50), ms(starts, 95), Math.max(...starts).toFixed(2)],
      sse: [kind, String(sse.events), sse.p50Ms.toFixed(2), sse.p95Ms.toFixed(2), sse.maxMs.toFixed(2)],
    };
  } finally {
    await app.close();
    await database.drop();
  }
}

const results: Result[] = [];
let comparison: { before: number; after: number } | undefined;
if (KINDS.includes('sqlite') && COMPARE_ROWS > 0) {
  process.stderr.write(`bench:api: SQLite ingest before/after on ${COMPARE_ROWS.toLocaleString('en')} findings...\n`);
  comparison = await sqliteIngestComparison(COMPARE_ROWS, BATCH);
}
for (const kind of KINDS) {
  process.stderr.write(`bench:api on ${kind}: ingesting ${TOTAL.toLocaleString('en')} findings...\n`);
  results.push(await benchDatabase(kind));
}
const rate = (n: number): string => `${Math.round(n).toLocaleString('en')}/s`;
console.log(`\nIngest (insertFindings, batches of ${BATCH.toLocaleString('en')}, one transaction each; target >= 50,000/s on SQLite)`);
console.log(table([['database', 'findings', 'rate', 'text index'], ...results.map((r) => r.ingest)]));
if (comparison) {
  console.log(`SQLite, ${COMPARE_ROWS.toLocaleString('en')} findings each in a fresh file: before (SQLite's default 2 MiB page cache) ${rate(comparison.before)}, after (64 MiB, database.ts) ${rate(comparison.after)}: x${(comparison.after / comparison.before).toFixed(2)}`);
}
console.log(`\nPage latency, limit ${LIMIT}, sort severity desc, ${RUNS} requests each, ms through app.inject (Fastify routing, session lookup, zod validation and serialization included; no network)`);
console.log(table([['database', 'filter', 'page', 'p50', 'p95'], ...results.flatMap((r) => r.pages)]));
console.log(`\nSummary (GET /api/scans/:id/summary), ms: ${SUMMARY_RUNS} requests counted, ${SUMMARY_RUNS * 8} stored`);
console.log(table([['database', 'source', 'p50', 'max'], ...results.flatMap((r) => r.summary)]));
console.log(`\nScan start (POST /api/accounts/:id/scans -> 202), ${STARTS} requests, ms through app.inject; no worker running (request path only); target p95 <= 20 ms`);
console.log(table([['database', 'p50', 'p95', 'max'], ...results.map((r) => r.starts)]));
console.log('\nWorker progress -> SSE client (bench/sse-latency.ts: bus publish -> event parsed by an HTTP client on a real port), ms');
console.log(table([['database', 'events', 'p50', 'p95', 'max'], ...results.map((r) => r.sse)]));
