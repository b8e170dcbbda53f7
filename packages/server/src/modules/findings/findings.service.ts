import type { DiffQuery, FindingsPage, FindingsQuery, LatestFindingsPage, ScanDiff } from '@cloudsweep/contract';
import { severityRank, type Severity } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { toFinding } from './findings-catalogue.js';
import { keysetOf, pageOf, type Listing } from './findings-page.js';
import type { FindingFilters } from './findings-query.js';
import {
  countFindings, failingIn, findUserScan, latestCompletedScan, listFindings, notFailingIn, userOwnsAccount,
  type RowCondition, type ScanRow,
} from './findings.repository.js';

/** The scan when it is the user's; another user's scan is "not found", never "forbidden". */
export async function requireUserScan(db: Kysely<Database>, userId: string, scanId: string): Promise<ScanRow> {
  const scan = await findUserScan(db, scanId, userId);
  if (!scan) throw notFound('Scan');
  return scan;
}

export function filtersOf(query: FindingsQuery): FindingFilters {
  return {
    status: query.status,
    severityRanks: query.severity?.map((s) => severityRank(s as Severity)),
    kind: query.kind,
    service: query.service,
    region: query.region,
    check: query.check,
    q: query.q,
  };
}

async function findingsPage(db: Kysely<Database>, scanId: string, query: FindingsQuery): Promise<FindingsPage> {
  const order = query.order ?? (query.sort === 'severity' ? 'desc' : 'asc');
  const listing: Listing = { scanId, sort: query.sort, order };
  const keyset = keysetOf(listing, query.limit, query.cursor);
  const rows = await listFindings(db, scanId, filtersOf(query), keyset);
  const page = pageOf(listing, query.limit, rows);
  return { items: page.rows.map(toFinding), nextCursor: page.nextCursor };
}

export async function listScanFindings(db: Kysely<Database>, userId: string, scanId: string, query: FindingsQuery): Promise<FindingsPage> {
  await requireUserScan(db, userId, scanId);
  return findingsPage(db, scanId, query);
}

export async function listLatestAccountFindings(
  db: Kysely<Database>,
  userId: string,
  accountId: string,
  query: FindingsQuery,
): Promise<LatestFindingsPage> {
  if (!(await userOwnsAccount(db, accountId, userId))) throw notFound('AWS account');
  const scan = await latestCompletedScan(db, accountId);
  if (!scan) return { scanId: null, items: [], nextCursor: null };
  return { scanId: scan.id, ...(await findingsPage(db, scan.id, query)) };
}

const FAILS: FindingFilters = { status: ['fail'] };

/** Which scan a diff kind lists, and the condition against the other scan. */
function diffSide(kind: DiffQuery['kind'], scan: ScanRow, previous: ScanRow | undefined): { scanId: string; extra?: RowCondition } | undefined {
  if (kind === 'resolved') return previous ? { scanId: previous.id, extra: notFailingIn(scan.id) } : undefined;
  if (!previous) return kind === 'new' ? { scanId: scan.id } : undefined;
  return { scanId: scan.id, extra: kind === 'new' ? notFailingIn(previous.id) : failingIn(previous.id) };
}

async function diffCounts(db: Kysely<Database>, scan: ScanRow, previous: ScanRow | undefined): Promise<ScanDiff['counts']> {
  const count = async (kind: DiffQuery['kind']): Promise<number> => {
    const side = diffSide(kind, scan, previous);
    return side ? countFindings(db, side.scanId, FAILS, side.extra) : 0;
  };
  const [added, resolved, unchanged] = await Promise.all([count('new'), count('resolved'), count('unchanged')]);
  return { new: added, resolved, unchanged };
}

/**
 * Failed findings compared by fingerprint (check + resource) with the account's previous
 * completed scan: new (failing now only), resolved (failing before only), unchanged (both).
 */
export async function diffScan(db: Kysely<Database>, userId: string, scanId: string, query: DiffQuery): Promise<ScanDiff> {
  const scan = await requireUserScan(db, userId, scanId);
  const previous = await latestCompletedScan(db, scan.account_id, scan);
  const side = diffSide(query.kind, scan, previous);
  const listing: Listing = { scanId: side?.scanId ?? scan.id, sort: 'severity', order: 'desc', tag: `diff-${query.kind}-${scan.id}` };
  const keyset = keysetOf(listing, query.limit, query.cursor);
  const rows = side ? await listFindings(db, side.scanId, FAILS, keyset, side.extra) : [];
  const page = pageOf(listing, query.limit, rows);
  return {
    scanId: scan.id,
    previousScanId: previous?.id ?? null,
    counts: await diffCounts(db, scan, previous),
    kind: query.kind,
    items: page.rows.map(toFinding),
    nextCursor: page.nextCursor,
  };
}
