import type { Check, CheckResult, CollectionIssue, ScanSummary, Severity } from '@cloudsweep/engine';
import type { ResultSink, SinkContext, TextWriter } from './sink.js';

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

function invocation(summary: ScanSummary, issues: readonly CollectionIssue[]): object {
  return {
    executionSuccessful: !summary.incomplete,
    toolExecutionNotifications: issues.map((issue) => ({
      level: 'warning',
      message: { text: `${issue.message} Needs: ${issue.permissions.join(', ')}` },
      descriptor: { id: `collection/${issue.kind}` },
      properties: { collectorId: issue.collectorId, region: issue.region, awsErrorCode: issue.awsErrorCode },
    })),
  };
}

/** SARIF 2.1.0, streamed: rules are known at plan time, results follow, the invocation closes. */
export function createSarifSink(out: TextWriter, ctx: SinkContext): ResultSink {
  const ruleIndex = new Map<string, number>();
  const issues: CollectionIssue[] = [];
  let first = true;
  return {
    planned: async (plan) => {
      const rules = plan.checkIds.flatMap((id) => ctx.catalogue.filter((c) => c.id === id));
      rules.forEach((rule, index) => ruleIndex.set(rule.id, index));
      const driver = { name: 'Cloudsweep', informationUri: INFORMATION_URI, version: ctx.toolVersion, rules: rules.map(sarifRule) };
      await out.write(`{"$schema":"${SARIF_SCHEMA}","version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"results":[`);
    },
    result: async (result) => {
      const sarif = sarifResult(result, ruleIndex.get(result.checkId) ?? -1);
      if (!sarif) return;
      await out.write(`${first ? '\n' : ',\n'}${JSON.stringify(sarif)}`);
      first = false;
    },
    issue: async (issue) => {
      issues.push(issue);
    },
    finish: (summary) =>
      out.write(`\n],"invocations":[${JSON.stringify(invocation(summary, issues))}],"properties":${JSON.stringify({ summary })}}]}\n`),
  };
}
