import { createHash } from 'node:crypto';
import type { Check, Outcome } from '../core/check.js';
import type { CheckResult } from './events.js';

/** Stable across scans: the same check on the same resource always has the same fingerprint. */
export function fingerprint(checkId: string, resourceArn: string): string {
  return createHash('sha256').update(`${checkId}\n${resourceArn}`).digest('hex').slice(0, 32);
}

export function serviceOf(checkId: string): string {
  return checkId.slice(0, checkId.indexOf('.'));
}

export function toCheckResult(check: Check, outcome: Outcome, accountId: string): CheckResult {
  const { resource } = outcome;
  return {
    fingerprint: fingerprint(check.id, resource.arn),
    checkId: check.id,
    title: check.title,
    kind: check.kind,
    severity: check.severity,
    status: outcome.status,
    service: serviceOf(check.id),
    region: resource.region,
    accountId,
    resourceArn: resource.arn,
    resourceId: resource.id,
    resourceType: resource.type,
    message: outcome.message,
    ...(outcome.status === 'fail' && outcome.savings ? { savings: outcome.savings } : {}),
  };
}
