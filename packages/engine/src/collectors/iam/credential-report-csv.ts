/** One access key slot of a credential report row (AWS reports exactly two per user). */
export interface CredentialReportKey {
  readonly slot: 1 | 2;
  readonly active: boolean;
  /** When the key was created or last rotated; null when the slot holds no key. */
  readonly lastRotated: Date | null;
  readonly lastUsed: Date | null;
  readonly lastUsedRegion: string | null;
  readonly lastUsedService: string | null;
}

export interface CredentialReportCert {
  readonly slot: 1 | 2;
  readonly active: boolean;
  readonly lastRotated: Date | null;
}

/** One row of the IAM credential report, typed. Dates are null for N/A / no_information. */
export interface CredentialReportRow {
  readonly user: string;
  readonly arn: string;
  readonly isRoot: boolean;
  readonly userCreationTime: Date | null;
  /** null on the root row: AWS answers `not_supported` (the root user always has a password). */
  readonly passwordEnabled: boolean | null;
  readonly passwordLastUsed: Date | null;
  readonly passwordLastChanged: Date | null;
  readonly passwordNextRotation: Date | null;
  readonly mfaActive: boolean;
  readonly accessKeys: readonly [CredentialReportKey, CredentialReportKey];
  readonly certificates: readonly [CredentialReportCert, CredentialReportCert];
}

/** The user name AWS gives the root user's row. */
export const ROOT_ROW_USER = '<root_account>';

const REQUIRED_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used',
  'password_last_changed', 'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_2_active', 'access_key_2_last_rotated',
] as const;

type Field = (name: string) => string;

/**
 * Parses the credential report CSV by header name, so a column AWS adds or reorders later does
 * not shift the values. Throws (with the reason) when the header lacks a column checks rely on.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [headerLine, ...rowLines] = lines;
  if (headerLine === undefined) throw new Error('Credential report is empty (no header line)');
  const header = splitCsvLine(headerLine).map((name) => name.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`Credential report lacks columns: ${missing.join(', ')}`);
  return rowLines.map((line, index) => {
    const values = alignToHeader(splitCsvLine(line), header, index + 2);
    const field: Field = (name) => values[header.indexOf(name)] ?? '';
    return rowFrom(field);
  });
}

function rowFrom(field: Field): CredentialReportRow {
  const user = field('user');
  return {
    user,
    arn: field('arn'),
    isRoot: user === ROOT_ROW_USER,
    userCreationTime: parseDate(field('user_creation_time')),
    passwordEnabled: parseBoolean(field('password_enabled')),
    passwordLastUsed: parseDate(field('password_last_used')),
    passwordLastChanged: parseDate(field('password_last_changed')),
    passwordNextRotation: parseDate(field('password_next_rotation')),
    mfaActive: field('mfa_active') === 'true',
    accessKeys: [keyFrom(field, 1), keyFrom(field, 2)],
    certificates: [certFrom(field, 1), certFrom(field, 2)],
  };
}

function keyFrom(field: Field, slot: 1 | 2): CredentialReportKey {
  const prefix = `access_key_${slot}_`;
  return {
    slot,
    active: field(`${prefix}active`) === 'true',
    lastRotated: parseDate(field(`${prefix}last_rotated`)),
    lastUsed: parseDate(field(`${prefix}last_used_date`)),
    lastUsedRegion: parseText(field(`${prefix}last_used_region`)),
    lastUsedService: parseText(field(`${prefix}last_used_service`)),
  };
}

function certFrom(field: Field, slot: 1 | 2): CredentialReportCert {
  return {
    slot,
    active: field(`cert_${slot}_active`) === 'true',
    lastRotated: parseDate(field(`cert_${slot}_last_rotated`)),
  };
}

// AWS writes N/A (no such credential), no_information (never used, or not tracked: password
// use before 2014, key use before 2015) or not_supported (root password columns).
const NO_VALUE = new Set(['', 'N/A', 'no_information', 'not_supported']);

function parseText(value: string): string | null {
  return NO_VALUE.has(value) ? null : value;
}

function parseDate(value: string): Date | null {
  if (NO_VALUE.has(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

function parseBoolean(value: string): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** Splits one CSV line, honouring RFC 4180 quotes (AWS does not quote today; be safe anyway). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current);
  return fields;
}

/**
 * IAM user names may contain commas and AWS does not quote them, so such a row has extra
 * fields, split evenly between `user` and `arn` (the arn ends with the same name). Everything
 * after those two columns has a fixed format without commas.
 */
function alignToHeader(values: string[], header: readonly string[], lineNumber: number): string[] {
  const surplus = values.length - header.length;
  if (surplus === 0) return values;
  const userFirst = header[0] === 'user' && header[1] === 'arn';
  if (!userFirst || surplus < 0 || surplus % 2 !== 0) {
    throw new Error(`Credential report line ${lineNumber} has ${values.length} fields, header has ${header.length}`);
  }
  const half = surplus / 2 + 1;
  const user = values.slice(0, half).join(',');
  const arn = values.slice(half, 2 * half).join(',');
  return [user, arn, ...values.slice(2 * half)];
}
