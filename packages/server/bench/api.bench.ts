// npm run bench:api: 1,000,000 findings in one scan on SQLite and on PostgreSQL (a fresh
// database each, made the way the tests make them), then page latency through app.inject.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { DatabaseKind } from '../src/db/database.js';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import type { FindingFilters } from '../src/modules/findings/findings-query.js';
import { RELAXED_LIMITS, signUp } from '../test/auth-test-kit.js';
import { insertAccount, insertScan, syntheticResults } from '../test/findings-test-kit.js';
import { freshDatabase, type TestDatabase } from '../test/test-databases.js';
import { countMatching, cursorAtOffset, percentile, table, timeRequests } from './api-bench-kit.js';

const TOTAL = Number(process.env['BENCH_FINDINGS'] ?? 1_000_000);
const BATCH = 5_000;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 40);
const LIMIT = 50;
const KINDS: DatabaseKind[] = (process.env['BENCH_DATABASES'] ?? 'sqlite,postgres').split(',') as DatabaseKind[];

interface Variant { name: string; query: string; filters: FindingFilters }
const VARIANTS: Variant[] = [
  { name: 'no filter', query: '', filters: {} },
  { name: 'severity=high', query: '&severity=high', filters: { severityRanks: [4] } },
  { name: 'region=eu-west-1', query: '&region=eu-west-1', filters: { region: ['eu-west-1'] } },
  { name: 'q=res-001 (10%)', query: '&q=res-001', filters: { q: 'res-001' } },
  { name: 'q=res-09999 (rare)', query: '&q=res-09999', filters: { q: 'res-09999' } },
];

async function ingest(database: TestDatabase, scanId: string): Promise<number> {
  let elapsed = 0;
  for (let from = 0; from < TOTAL; from += BATCH) {
    const batch = syntheticResults(from, Math.min(BATCH, TOTAL - from));
    const start = performance.now();
    await insertFindings(database.db.kysely, scanId, batch);
    elapsed += performance.now() - start;
  }
  return TOTAL / (elapsed / 1000);
}

async function measurePages(app: FastifyInstance, database: TestDatabase, scanId: string, cookie: string): Promise<string[][]> {
  const rows: string[][] = [];
  for (const variant of VARIANTS) {
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

async function benchDatabase(kind: DatabaseKind): Promise<{ ingest: string[]; pages: string[][]; summary: string[] }> {
  const database = await freshDatabase(kind);
  const app = await buildApp({ config: loadConfig({ ...RELAXED_LIMITS, RATE_LIMIT_PER_MINUTE: '1000000' }), db: database.db });
  try {
    const user = await signUp(app, `bench-${kind}@example.com`);
    const accountId = await insertAccount(database.db.kysely, user.userId);
    const scanId = await insertScan(database.db.kysely, { userId: user.userId, accountId });
    const rate = await ingest(database, scanId);
    const pages = await measurePages(app, database, scanId, user.cookie);
    const summary = await timeRequests(app, `/api/scans/${scanId}/summary`, user.cookie, 5);
    return {
      ingest: [kind, TOTAL.toLocaleString('en'), `${Math.round(rate).toLocaleString('en')} findings/s`],
      pages,
      summary: [kind, percentile(summary, 50).toFixed(0), Math.max(...summary).toFixed(0)],
    };
  } finally {
    await app.close();
    await database.drop();
  }
}

const results = [];
for (const kind of KINDS) {
  process.stderr.write(`bench:api on ${kind}: ingesting ${TOTAL.toLocaleString('en')} findings...\n`);
  results.push(await benchDatabase(kind));
}
console.log(`\nIngest (insertFindings, batches of ${BATCH.toLocaleString('en')}; target >= 50,000/s on SQLite)`);
console.log(table([['database', 'findings', 'rate'], ...results.map((r) => r.ingest)]));
console.log(`\nPage latency, limit ${LIMIT}, sort severity desc, ${RUNS} requests each, ms through app.inject (Fastify routing, session lookup, zod validation and serialization included; no network)`);
console.log(table([['database', 'filter', 'page', 'p50', 'p95'], ...results.flatMap((r) => r.pages)]));
console.log('\nSummary (GROUP BY over the scan), 5 requests, ms');
console.log(table([['database', 'p50', 'max'], ...results.map((r) => r.summary)]));
console.log('\nTODO (scans/SSE work): scan start p95 (target <= 20 ms) - not measured here');
console.log('TODO (scans/SSE work): worker progress -> SSE client latency - not measured here');
