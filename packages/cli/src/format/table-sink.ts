import { severityRank, type CheckResult, type CollectionIssue, type ScanSummary } from '@cloudsweep/engine';
import { renderColumns } from './columns.js';
import type { ResultSink, TextWriter } from './sink.js';
import { formatUsd, summaryLines } from './summary-text.js';

function bySeverityThenCheck(a: CheckResult, b: CheckResult): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.checkId.localeCompare(b.checkId) ||
    a.region.localeCompare(b.region) ||
    a.resourceArn.localeCompare(b.resourceArn)
  );
}

function findingRows(findings: readonly CheckResult[]): string[][] {
  return findings.map((r) => [
    r.status === 'fail' ? 'FAIL' : 'UNKNOWN',
    r.checkId,
    r.region,
    r.resourceId,
    r.savings ? `${formatUsd(r.savings.monthlyUsd)}/mo` : '',
    r.message,
  ]);
}

/** Findings grouped under a heading per severity, most severe first. */
export function findingLines(findings: readonly CheckResult[]): string[] {
  if (findings.length === 0) return ['No failed or unknown results.'];
  const sorted = [...findings].sort(bySeverityThenCheck);
  const lines: string[] = [];
  const header = ['STATUS', 'CHECK', 'REGION', 'RESOURCE', 'SAVINGS', 'MESSAGE'];
  const rendered = renderColumns([header, ...findingRows(sorted)]);
  let severity = '';
  sorted.forEach((finding, i) => {
    if (finding.severity !== severity) {
      severity = finding.severity;
      const count = sorted.filter((f) => f.severity === severity).length;
      lines.push('', `${severity.toUpperCase()} (${count})`, `  ${rendered[0] ?? ''}`);
    }
    lines.push(`  ${rendered[i + 1] ?? ''}`);
  });
  return lines.slice(1);
}

/**
 * A person's view: only what needs attention, sorted, so it is buffered until the end.
 * Passes are counted but not kept, so memory grows with findings, not with the account.
 */
export function createTableSink(out: TextWriter): ResultSink {
  const findings: CheckResult[] = [];
  const issues: CollectionIssue[] = [];
  return {
    planned: async () => {},
    result: async (result) => {
      if (result.status !== 'pass') findings.push(result);
    },
    issue: async (issue) => {
      issues.push(issue);
    },
    finish: (summary: ScanSummary) => out.write(`${[...findingLines(findings), '', ...summaryLines(summary, issues)].join('\n')}\n`),
  };
}
