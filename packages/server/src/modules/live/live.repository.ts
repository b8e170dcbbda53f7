import { ScanSummarySchema, type LiveCounts, type ScanLiveState } from '@cloudsweep/contract';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ScansTable } from '../../db/schema.js';

type ScanRow = Pick<Selectable<ScansTable>, 'id' | 'status' | 'progress_done' | 'progress_total' | 'phase' | 'error_message' | 'summary' | 'updated_at'>;

const SCAN_COLUMNS = ['id', 'status', 'progress_done', 'progress_total', 'phase', 'error_message', 'summary', 'updated_at'] as const;

const ZERO: LiveCounts = { pass: 0, fail: 0, unknown: 0 };

/** A finished scan's summary already holds its counts: no need to count a million findings. */
function summaryCounts(summary: string | null): LiveCounts | undefined {
  if (summary === null) return undefined;
  try {
    return ScanSummarySchema.shape.byStatus.parse((JSON.parse(summary) as { byStatus?: unknown }).byStatus);
  } catch {
    return undefined;
  }
}

/**
 * Findings stored so far per scan and status, for every scan asked in one query, from
 * finding_groups (ingest keeps it with the rows): a running scan's million findings are not read.
 */
async function countFindings(db: Kysely<Database>, scanIds: readonly string[]): Promise<Map<string, LiveCounts>> {
  const counts = new Map<string, LiveCounts>();
  if (scanIds.length === 0) return counts;
  const rows = await db
    .selectFrom('finding_groups')
    .select(['scan_id', 'status', (eb) => eb.fn.sum<number>('findings').as('n')])
    .where('scan_id', 'in', scanIds)
    .groupBy(['scan_id', 'status'])
    .execute();
  for (const row of rows) {
    const current = counts.get(row.scan_id) ?? { ...ZERO };
    if (row.status === 'pass' || row.status === 'fail' || row.status === 'unknown') current[row.status] = Number(row.n);
    counts.set(row.scan_id, current);
  }
  return counts;
}

function stateOf(row: ScanRow, counts: LiveCounts): ScanLiveState {
  return {
    scanId: row.id,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total, phase: row.phase },
    counts,
    error: row.error_message,
    updatedAt: row.updated_at,
  };
}

async function statesOf(db: Kysely<Database>, rows: readonly ScanRow[]): Promise<ScanLiveState[]> {
  const toCount = rows.filter((r) => summaryCounts(r.summary) === undefined).map((r) => r.id);
  const counted = await countFindings(db, toCount);
  return rows.map((r) => stateOf(r, summaryCounts(r.summary) ?? counted.get(r.id) ?? { ...ZERO }));
}

export async function isOwnScan(db: Kysely<Database>, userId: string, scanId: string): Promise<boolean> {
  const row = await db.selectFrom('scans').select('id').where('id', '=', scanId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** One scan of this user as the database has it now; undefined when absent or someone else's. */
export async function findScanState(db: Kysely<Database>, userId: string, scanId: string): Promise<ScanLiveState | undefined> {
  const row = await db.selectFrom('scans').select(SCAN_COLUMNS).where('id', '=', scanId).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  const [state] = await statesOf(db, [row]);
  return state;
}

/** The user's queued and running scans, newest first (bounded: one active scan per account). */
export async function listActiveScanStates(db: Kysely<Database>, userId: string): Promise<ScanLiveState[]> {
  const rows = await db
    .selectFrom('scans')
    .select(SCAN_COLUMNS)
    .where('user_id', '=', userId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return statesOf(db, rows);
}
