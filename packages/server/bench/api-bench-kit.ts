// Pieces of the API bench: percentiles, a signed-in inject, and cursors at a given depth.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { cursorAfter } from '../src/modules/findings/findings-page.js';
import { SORT_COLUMN, type FindingFilters } from '../src/modules/findings/findings-query.js';
import { filterConditions } from '../src/modules/findings/findings-query.js';

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Times `runs` requests through app.inject (routing, hooks, session lookup, zod, JSON included). */
export async function timeRequests(app: FastifyInstance, url: string, cookie: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    samples.push(performance.now() - start);
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  }
  return samples;
}

/**
 * The cursor that starts the page at `offset` rows into a listing, read once with OFFSET (slow,
 * set-up only) and encoded by the API's own codec, so deep pages are reached without walking.
 */
export async function cursorAtOffset(
  db: Kysely<Database>,
  scanId: string,
  filters: FindingFilters,
  offset: number,
): Promise<string | undefined> {
  if (offset <= 0) return undefined;
  const column = SORT_COLUMN.severity;
  const row = await db
    .selectFrom('findings')
    .selectAll()
    .where((eb) => eb.and([eb('scan_id', '=', scanId), ...filterConditions(eb, filters)]))
    .orderBy(column, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .offset(offset - 1)
    .executeTakeFirstOrThrow();
  return cursorAfter({ scanId, sort: 'severity', order: 'desc' }, row);
}

export async function countMatching(db: Kysely<Database>, scanId: string, filters: FindingFilters): Promise<number> {
  const row = await db
    .selectFrom('findings')
    .select(sql<number>`count(*)`.as('n'))
    .where((eb) => eb.and([eb('scan_id', '=', scanId), ...filterConditions(eb, filters)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
