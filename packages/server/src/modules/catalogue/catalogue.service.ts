import type { CheckCatalogue, CheckInfo, RegionList } from '@cloudsweep/contract';
import { allChecks, KNOWN_REGIONS } from '@cloudsweep/engine';

// Built once: the catalogue is code, it only changes with a release.
const CHECKS: readonly CheckInfo[] = allChecks
  .map((check) => ({
    id: check.id,
    title: check.title,
    kind: check.kind,
    severity: check.severity,
    service: check.id.slice(0, check.id.indexOf('.')),
    description: check.description,
    remediation: { text: check.remediation.text, url: check.remediation.url },
    compliance: [...check.compliance],
  }))
  .sort((a, b) => a.id.localeCompare(b.id));

const REGIONS: readonly string[] = [...KNOWN_REGIONS].sort();

export function listChecks(): CheckCatalogue {
  return { checks: [...CHECKS] };
}

export function listRegions(): RegionList {
  return { regions: [...REGIONS] };
}
