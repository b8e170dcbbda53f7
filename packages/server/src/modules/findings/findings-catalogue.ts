import { allChecks, type Check, type CheckResult, type Severity } from '@cloudsweep/engine';
import type { Finding } from '@cloudsweep/contract';
import type { FindingRow } from './findings.repository.js';

/**
 * Why a finding matters and how to fix it come from the engine's check catalogue by check id,
 * joined here rather than stored on a million rows: one copy, and a better remediation text in
 * a new release reaches old scans too.
 */
const CATALOGUE: ReadonlyMap<string, Check> = new Map(allChecks.map((c) => [c.id, c]));

export function checkOf(checkId: string): Check | undefined {
  return CATALOGUE.get(checkId);
}

export function toFinding(row: FindingRow): Finding {
  const check = CATALOGUE.get(row.check_id);
  return {
    id: row.id,
    scanId: row.scan_id,
    fingerprint: row.fingerprint,
    checkId: row.check_id,
    // A check removed in a later release still shows its id rather than failing the page.
    title: check?.title ?? row.check_id,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    service: row.service,
    region: row.region,
    resourceArn: row.resource_arn,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    message: row.message,
    savings: row.savings_usd === null ? null : { monthlyUsd: row.savings_usd, basis: row.savings_basis ?? '' },
    description: check?.description ?? '',
    remediation: check?.remediation ?? { text: '', url: '' },
    compliance: [...(check?.compliance ?? [])],
  };
}

/** A stored row as the engine's result type, for the engine's CSV and SARIF writers. */
export function toCheckResult(row: FindingRow, accountId: string): CheckResult {
  const check = CATALOGUE.get(row.check_id);
  return {
    fingerprint: row.fingerprint,
    checkId: row.check_id,
    title: check?.title ?? row.check_id,
    kind: row.kind as CheckResult['kind'],
    severity: row.severity as Severity,
    status: row.status as CheckResult['status'],
    service: row.service,
    region: row.region,
    accountId,
    resourceArn: row.resource_arn,
    resourceId: row.resource_id,
    resourceType: row.resource_type,
    message: row.message,
    ...(row.savings_usd === null ? {} : { savings: { monthlyUsd: row.savings_usd, basis: row.savings_basis ?? '' } }),
  };
}
