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

/**
 * Reads RFC 4180 text (quoted fields, doubled quotes, CRLF records) back into rows. Written
 * apart from the writer above on purpose, so round-trip tests prove what a spreadsheet sees.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}
