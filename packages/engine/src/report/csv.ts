import type { CheckResult } from '../scan/events.js';

/**
 * Text a spreadsheet would run as a formula. Messages, ARNs and ids carry resource names and
 * tags, which whoever can tag a resource controls (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. Text that
 * starts like a formula gets a leading `'` first, so it is shown, never evaluated; values given
 * as numbers are left as numbers.
 */
export function csvField(value: string | number | undefined): string {
  const raw = value === undefined ? '' : String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 ends every record, the last one included, with CRLF. */
export function csvRow(fields: ReadonlyArray<string | number | undefined>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The columns of a findings CSV, the same from the CLI and the server's export. */
export const CSV_COLUMNS = [
  'status', 'severity', 'check_id', 'title', 'kind', 'service', 'region', 'account_id',
  'resource_arn', 'resource_id', 'resource_type', 'message', 'monthly_savings_usd', 'savings_basis', 'fingerprint',
] as const;

/** One result as a CSV record in `CSV_COLUMNS` order. */
export function csvResultRow(r: CheckResult): string {
  return csvRow([
    r.status, r.severity, r.checkId, r.title, r.kind, r.service, r.region, r.accountId,
    r.resourceArn, r.resourceId, r.resourceType, r.message,
    r.savings ? r.savings.monthlyUsd.toFixed(2) : undefined, r.savings?.basis, r.fingerprint,
  ]);
}
