import { severityRank, type CheckResult } from '@cloudsweep/engine';
import type { Insertable, Kysely } from 'kysely';
import type { Database, FindingsTable } from '../../db/schema.js';

/** Columns written per finding (id is generated): the host parameters each row costs. */
const COLUMNS_PER_ROW = 15;
/**
 * Rows per multi-row INSERT, under each database's host-parameter limit: SQLite (as built in
 * better-sqlite3) allows 32,766, PostgreSQL's wire protocol 65,535. Measured: bigger statements
 * stop paying off past ~1,000 rows on SQLite, so the chunk is well under the limit.
 */
export const INSERT_CHUNK_ROWS = Math.min(1000, Math.floor(32_766 / COLUMNS_PER_ROW));

export function findingRow(scanId: string, r: CheckResult): Insertable<FindingsTable> {
  return {
    scan_id: scanId,
    fingerprint: r.fingerprint,
    check_id: r.checkId,
    service: r.service,
    kind: r.kind,
    severity: r.severity,
    severity_rank: severityRank(r.severity),
    status: r.status,
    region: r.region,
    resource_arn: r.resourceArn,
    resource_type: r.resourceType,
    resource_id: r.resourceId,
    message: r.message,
    savings_usd: r.savings?.monthlyUsd ?? null,
    savings_basis: r.savings?.basis ?? null,
  };
}

export async function insertChunks(db: Kysely<Database>, scanId: string, results: readonly CheckResult[]): Promise<void> {
  for (let start = 0; start < results.length; start += INSERT_CHUNK_ROWS) {
    const rows = results.slice(start, start + INSERT_CHUNK_ROWS).map((r) => findingRow(scanId, r));
    await db.insertInto('findings').values(rows).execute();
  }
}
