import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface SummaryGroup {
  service: string;
  region: string;
  status: string;
  severity_rank: number;
  n: number;
  savings: number;
}

/**
 * The scan's counts by every summary dimension at once, from finding_groups (ingest keeps it:
 * a few thousand rows at most, where the findings are up to millions); the service folds them.
 */
export async function summaryGroups(db: Kysely<Database>, scanId: string): Promise<SummaryGroup[]> {
  const rows = await db
    .selectFrom('finding_groups')
    .select((eb) => ['service', 'region', 'status', 'severity_rank', eb.fn.sum<number>('findings').as('n'), eb.fn.sum<number>('savings_usd').as('savings')])
    .where('scan_id', '=', scanId)
    .groupBy(['service', 'region', 'status', 'severity_rank'])
    .execute();
  // pg answers sum(integer) as INT8 (parsed to number in database.ts) and sum(real) as a number.
  return rows.map((r) => ({ ...r, n: Number(r.n), savings: Number(r.savings) }));
}

/** The counts the scan worker stored on the scan row at completion (JSON), if any. */
export async function storedSummary(db: Kysely<Database>, scanId: string): Promise<string | null> {
  const row = await db.selectFrom('scans').select('summary').where('id', '=', scanId).executeTakeFirst();
  return row?.summary ?? null;
}
