import type { CredentialReportRow } from '../../collectors/iam/credential-report-csv.js';
import type { Resource } from '../../core/resource.js';

type ReportRow = Resource<CredentialReportRow>;

/** The credential report's IAM user rows (without the root user's). */
export function userRows(report: readonly ReportRow[]): ReportRow[] {
  return report.filter((row) => !row.data.isRoot);
}

/** The credential report's root user row, if it has one. */
export function rootRow(report: readonly ReportRow[]): ReportRow | undefined {
  return report.find((row) => row.data.isRoot);
}
