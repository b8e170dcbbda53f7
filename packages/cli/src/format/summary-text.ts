import type { CollectionIssue, ScanSummary } from '@cloudsweep/engine';
import { SEVERITIES } from '@cloudsweep/engine';
import { renderColumns } from './columns.js';

export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

const INCOMPLETE = 'INCOMPLETE: the scan stopped early (deadline or interrupt); results above are what was found so far.';

/** The closing block of the table format: counts, money, API use, issues, skipped regions. */
export function summaryLines(summary: ScanSummary, issues: readonly CollectionIssue[]): string[] {
  const { results, api } = summary;
  const failed = SEVERITIES.map((s) => `${s} ${summary.failBySeverity[s]}`).join(', ');
  const lines = [
    `Summary — account ${summary.accountId}, ${plural(summary.regions.length, 'region')}`,
    ...renderColumns([
      ['  Results', `${results.fail} failed, ${results.unknown} unknown, ${results.pass} passed (${plural(summary.resources, 'resource')})`],
      ['  Failed by severity', failed],
      ['  Monthly savings', formatUsd(summary.monthlySavingsUsd)],
      ['  API calls', `${api.attempts} (${plural(api.retries, 'retry', 'retries')}, ${api.throttles} throttled, ${plural(api.errors, 'error')})`],
      ['  Duration', formatDuration(summary.durationMs)],
    ]),
  ];
  if (issues.length > 0) {
    lines.push(`  Collection issues (${issues.length}): these checks report "unknown" where they could not see`);
    for (const issue of issues) lines.push(`    - ${issue.collectorId} in ${issue.region}: ${issue.message} Needs: ${issue.permissions.join(', ')}`);
  }
  if (summary.skippedRegions.length > 0) {
    lines.push(`  Skipped regions (${summary.skippedRegions.length}):`);
    for (const skipped of summary.skippedRegions) lines.push(`    - ${skipped.region}: ${skipped.reason}`);
  }
  if (summary.incomplete) lines.push(INCOMPLETE);
  return lines;
}

/** One line for stderr when the results went to a file or a machine format; scan-command adds why a scan did not finish. */
export function shortSummary(summary: ScanSummary, destination: string | undefined): string {
  const { results } = summary;
  const where = destination ? ` Wrote ${destination}.` : '';
  const issues = summary.issues > 0 ? ` ${plural(summary.issues, 'collection issue')} (see the output).` : '';
  return (
    `Scanned ${plural(summary.regions.length, 'region')} in ${formatDuration(summary.durationMs)}: ` +
    `${results.fail} failed, ${results.unknown} unknown, ${results.pass} passed; ` +
    `savings ${formatUsd(summary.monthlySavingsUsd)}/month.${issues}${where}`
  );
}
