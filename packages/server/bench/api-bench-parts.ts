// More pieces of the API bench: the ingest before/after comparison, the stored summary, and
// scan start latency. Kept apart from api.bench.ts so each file stays small.
import type { ScanSummary } from '@cloudsweep/contract';
import { SEVERITIES } from '@cloudsweep/engine';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { TextIndexer } from '../src/modules/findings/findings-text-index.js';
import type { Db } from '../src/db/database.js';
import { summaryGroups } from '../src/modules/findings/findings-summary.repository.js';
import { insertFindings } from '../src/modules/findings/findings.repository.js';
import { asUser, postJson, type SignedInClient } from '../test/auth-test-kit.js';
import { insertAccount, insertScan, syntheticResults } from '../test/findings-test-kit.js';
import { freshDatabase } from '../test/test-databases.js';

/** Builds the scan's SQLite text index as the server does after completion; its time and longest chunk. */
export async function timeTextIndexBuild(db: Kysely<Database>, scanId: string): Promise<string> {
  let longest = 0;
  let last = performance.now();
  const start = last;
  // The longest stretch the event loop was held: what a request waits at worst during a build.
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const indexer = new TextIndexer(db);
  indexer.schedule(scanId);
  await indexer.idle();
  clearInterval(probe);
  return `built in ${((performance.now() - start) / 1000).toFixed(1)} s after completion, event loop held <= ${longest.toFixed(0)} ms at a time`;
}

/** Rows per second of insertFindings over `total` rows in batches of `batch`. */
export async function ingestRate(db: Db, scanId: string, total: number, batch: number): Promise<number> {
  let elapsed = 0;
  for (let from = 0; from < total; from += batch) {
    const rows = syntheticResults(from, Math.min(batch, total - from));
    const start = performance.now();
    await insertFindings(db.kysely, scanId, rows, db.sqlite);
    elapsed += performance.now() - start;
  }
  return total / (elapsed / 1000);
}

async function scanIn(db: Db): Promise<string> {
  await db.kysely.insertInto('users').values({ id: 'bench', email: 'bench@example.com', password_hash: 'x', created_at: new Date().toISOString() }).execute();
  return insertScan(db.kysely, { userId: 'bench', accountId: await insertAccount(db.kysely, 'bench') });
}

/**
 * SQLite ingest before/after in one run, same rows and machine state, fresh files each: "before"
 * with SQLite's default page cache (2 MiB), "after" with the server's 64 MiB (database.ts).
 */
export async function sqliteIngestComparison(total: number, batch: number): Promise<{ before: number; after: number }> {
  const rates: number[] = [];
  for (const defaultCache of [true, false]) {
    const database = await freshDatabase('sqlite');
    try {
      if (defaultCache) database.db.sqlite?.pragma('cache_size = -2000');
      rates.push(await ingestRate(database.db, await scanIn(database.db), total, batch));
    } finally {
      await database.drop();
    }
  }
  return { before: rates[0] ?? Number.NaN, after: rates[1] ?? Number.NaN };
}

/** The counts the scan worker stores on a completed scan (scan-recorder.ts), rebuilt from its rows. */
export async function storedSummaryOf(db: Db, scanId: string): Promise<ScanSummary> {
  const byStatus = { pass: 0, fail: 0, unknown: 0 };
  const bySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const byService: ScanSummary['byService'] = {};
  const byRegion: ScanSummary['byRegion'] = {};
  let savings = 0;
  for (const g of await summaryGroups(db.kysely, scanId)) {
    const status = g.status as keyof typeof byStatus;
    byStatus[status] += g.n;
    (byService[g.service] ??= { pass: 0, fail: 0, unknown: 0 })[status] += g.n;
    (byRegion[g.region] ??= { pass: 0, fail: 0, unknown: 0 })[status] += g.n;
    const severity = SEVERITIES[SEVERITIES.length - g.severity_rank];
    if (status === 'fail' && severity) bySeverity[severity] = (bySeverity[severity] ?? 0) + g.n;
    if (status === 'fail') savings += g.savings ?? 0;
  }
  return {
    awsAccountId: '123456789012', regions: Object.keys(byRegion), resources: 0, durationMs: 0, byStatus, bySeverity, byService, byRegion,
    monthlySavingsUsd: Math.round(savings * 100) / 100, incomplete: false,
  };
}

/**
 * POST /api/accounts/:id/scans `runs` times through app.inject (202, queued). No worker runs:
 * the figure is the request path only (session, CSRF, rate limit, validation, the scan and
 * audit rows in one transaction, the job row, the answer). Between starts, outside the timing,
 * the scan is marked completed in the database so the one-active-scan rule does not answer 409;
 * `force` skips the cache lookup's 200 answer.
 */
export async function timeScanStarts(app: FastifyInstance, db: Db, user: SignedInClient, runs: number): Promise<number[]> {
  const accountId = await insertAccount(db.kysely, user.userId);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await postJson(app, `/api/accounts/${accountId}/scans`, { regions: ['us-east-1'], force: true }, { headers: asUser(user) });
    samples.push(performance.now() - start);
    if (response.statusCode !== 202) throw new Error(`scan start answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    const now = new Date().toISOString();
    await db.kysely.updateTable('scans').set({ status: 'completed', phase: 'done', completed_at: now, updated_at: now }).where('account_id', '=', accountId).where('status', '=', 'queued').execute();
  }
  return samples;
}
