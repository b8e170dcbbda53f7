import type { Check } from '../core/check.js';
import type { Severity } from '../core/severity.js';
import type { CheckResult } from '../scan/events.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/cloudsweep/cloudsweep';

/** GitHub code scanning reads these bands: >= 9 critical, 7-8.9 high, 4-6.9 medium, < 4 low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0',
};

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};

export function sarifRule(check: Check): object {
  const { remediation } = check;
  return {
    id: check.id,
    name: check.id.replace(/[.-](\w)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: check.title },
    fullDescription: { text: check.description },
    help: {
      text: `${remediation.text} See ${remediation.url}`,
      markdown: `${remediation.text}\n\n[${remediation.url}](${remediation.url})`,
    },
    helpUri: remediation.url,
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      tags: [check.kind, ...check.compliance],
      // Only security checks carry a security-severity: GitHub would file cost findings as vulnerabilities.
      ...(check.kind === 'security' ? { 'security-severity': SECURITY_SEVERITY[check.severity] } : {}),
      severity: check.severity,
    },
  };
}

/** The SARIF tool driver: who produced the log and the rules its results point into. */
export function sarifDriver(rules: readonly Check[], toolVersion: string): object {
  return { name: 'Cloudsweep', informationUri: INFORMATION_URI, version: toolVersion, rules: rules.map(sarifRule) };
}

/**
 * The text of a SARIF 2.1.0 log up to the opening of `results`, so results can be streamed
 * after it; the caller closes with `sarifClose`.
 */
export function sarifOpen(rules: readonly Check[], toolVersion: string): string {
  return `{"$schema":"${SARIF_SCHEMA}","version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(sarifDriver(rules, toolVersion))}},"results":[`;
}

/** Closes what `sarifOpen` opened; `runTail` is extra run members as JSON text (`,"invocations":[...]`). */
export function sarifClose(runTail = ''): string {
  return `\n]${runTail}}]}\n`;
}

/**
 * Fails are SARIF `fail` results with a level from the severity; unknowns are `open`
 * (SARIF's "could not decide") with level `none`, as the spec requires for non-fail kinds.
 * Passes are left out: they would drown the findings in code-scanning views.
 */
export function sarifResult(result: CheckResult, ruleIndex: number): object | undefined {
  if (result.status === 'pass') return undefined;
  const failed = result.status === 'fail';
  return {
    ruleId: result.checkId,
    ruleIndex,
    kind: failed ? 'fail' : 'open',
    level: failed ? LEVEL[result.severity] : 'none',
    message: { text: `${result.message} (${result.resourceArn})` },
    locations: [{ logicalLocations: [{ fullyQualifiedName: result.resourceArn, name: result.resourceId, kind: 'resource' }] }],
    partialFingerprints: { 'cloudsweep/v1': result.fingerprint },
    properties: {
      region: result.region, accountId: result.accountId, resourceType: result.resourceType,
      ...(result.savings ? { monthlySavingsUsd: result.savings.monthlyUsd, savingsBasis: result.savings.basis } : {}),
    },
  };
}
