import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface SummaryGroup {
  service: string;
  region: string;
  status: string;
  severity_rank: number;
  n: number;
  savings: number | null;
}

/**
 * One pass over the scan's rows grouped by every summary dimension at once (at most services x
 * regions x statuses x severities groups); the service folds them. One GROUP BY instead of
 * four keeps a 1M-row summary to a single walk of the scan's rows.
 */
export async function summaryGroups(db: Kysely<Database>, scanId: string): Promise<SummaryGroup[]> {
  const rows = await db
    .selectFrom('findings')
    .select((eb) => [
      'service',
      'region',
      'status',
      'severity_rank',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number | null>('savings_usd').as('savings'),
    ])
    .where('scan_id', '=', scanId)
    .groupBy(['service', 'region', 'status', 'severity_rank'])
    .execute();
  // pg answers sum(real) as a number and count as INT8 (parsed to number in database.ts).
  return rows.map((r) => ({ ...r, n: Number(r.n), savings: r.savings === null ? null : Number(r.savings) }));
}

/** The counts the scan worker stored on the scan row at completion (JSON), if any. */
export async function storedSummary(db: Kysely<Database>, scanId: string): Promise<string | null> {
  const row = await db.selectFrom('scans').select('summary').where('id', '=', scanId).executeTakeFirst();
  return row?.summary ?? null;
}
