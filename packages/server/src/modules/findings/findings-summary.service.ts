import { ScanSummarySchema, type ScanFindingsSummary, type ScanSummary } from '@cloudsweep/contract';
import { SEVERITIES } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { storedSummary, summaryGroups, type SummaryGroup } from './findings-summary.repository.js';
import { requireUserScan } from './findings.service.js';

type Counts = ScanFindingsSummary['byService'];

function add(counts: Counts, name: string, group: SummaryGroup): void {
  const entry = counts[name] ?? { total: 0, fail: 0 };
  entry.total += group.n;
  if (group.status === 'fail') entry.fail += group.n;
  counts[name] = entry;
}

/** 5 = critical ... 1 = info, as severityRank numbers them. */
function severityOfRank(rank: number): (typeof SEVERITIES)[number] | undefined {
  return SEVERITIES[SEVERITIES.length - rank];
}

export function foldSummary(scanId: string, groups: readonly SummaryGroup[]): ScanFindingsSummary {
  const summary: ScanFindingsSummary = {
    scanId,
    total: 0,
    byStatus: { pass: 0, fail: 0, unknown: 0 },
    failBySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    byService: {},
    byRegion: {},
    monthlySavingsUsd: 0,
  };
  for (const group of groups) {
    summary.total += group.n;
    if (group.status === 'pass' || group.status === 'fail' || group.status === 'unknown') summary.byStatus[group.status] += group.n;
    const severity = severityOfRank(group.severity_rank);
    if (group.status === 'fail' && severity) summary.failBySeverity[severity] += group.n;
    add(summary.byService, group.service, group);
    add(summary.byRegion, group.region, group);
    // Only failed results carry savings; the guard keeps a pass with a stray value out.
    if (group.status === 'fail') summary.monthlySavingsUsd += group.savings ?? 0;
  }
  summary.monthlySavingsUsd = Math.round(summary.monthlySavingsUsd * 100) / 100;
  return summary;
}

type StatusCounts = ScanSummary['byStatus'];

const totalOf = (c: StatusCounts): number => c.pass + c.fail + c.unknown;

function countsOf(map: Record<string, StatusCounts>): Counts {
  return Object.fromEntries(Object.entries(map).map(([name, c]) => [name, { total: totalOf(c), fail: c.fail }]));
}

/**
 * The summary from the counts the worker kept while ingesting and stored on the completed scan
 * (scan-recorder.ts): the same rows, so the same numbers, without reading a million of them.
 * Undefined when there is none or it does not parse (then the rows are counted).
 */
export function summaryFromStored(scanId: string, stored: string | null): ScanFindingsSummary | undefined {
  if (stored === null) return undefined;
  let parsed: ReturnType<typeof ScanSummarySchema.safeParse>;
  try {
    parsed = ScanSummarySchema.safeParse(JSON.parse(stored));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const s = parsed.data;
  return {
    scanId,
    total: totalOf(s.byStatus),
    byStatus: { ...s.byStatus },
    failBySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, s.bySeverity[severity] ?? 0])) as ScanFindingsSummary['failBySeverity'],
    byService: countsOf(s.byService),
    byRegion: countsOf(s.byRegion),
    monthlySavingsUsd: Math.round(s.monthlySavingsUsd * 100) / 100,
  };
}

/** A completed scan answers from its stored counts; a running (or failed) one is counted. */
export async function summarizeScan(db: Kysely<Database>, userId: string, scanId: string): Promise<ScanFindingsSummary> {
  const scan = await requireUserScan(db, userId, scanId);
  const stored = scan.status === 'completed' ? summaryFromStored(scanId, await storedSummary(db, scanId)) : undefined;
  return stored ?? foldSummary(scanId, await summaryGroups(db, scanId));
}
