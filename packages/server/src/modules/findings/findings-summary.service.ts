import type { ScanFindingsSummary } from '@cloudsweep/contract';
import { SEVERITIES } from '@cloudsweep/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { summaryGroups, type SummaryGroup } from './findings-summary.repository.js';
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

export async function summarizeScan(db: Kysely<Database>, userId: string, scanId: string): Promise<ScanFindingsSummary> {
  await requireUserScan(db, userId, scanId);
  return foldSummary(scanId, await summaryGroups(db, scanId));
}
