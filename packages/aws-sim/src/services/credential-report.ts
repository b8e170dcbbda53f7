import type { AccessKey, IamData, PasswordPolicy } from '../model.js';
import { DAY_MS, reportTime } from '../time.js';

/** AWS's exact column order; scanners index by header name but some by position. */
export const CREDENTIAL_REPORT_HEADER = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation',
  'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region',
  'access_key_1_last_used_service', 'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
].join(',');

const NA = 'N/A';
const NO_CERTS = ['false', NA, 'false', NA];

/** A missing key still reports "false" then N/A for each of its columns, as AWS writes it. */
function keyColumns(key: AccessKey | undefined): string[] {
  if (!key) return ['false', NA, NA, NA, NA];
  const used = key.lastUsed;
  return [String(key.active), reportTime(key.lastRotated), used ? reportTime(used.at) : NA, used?.region ?? NA, used?.service ?? NA];
}

function nextRotation(lastChanged: number, policy: PasswordPolicy | undefined): string {
  return policy?.maxAge === undefined ? NA : reportTime(lastChanged + policy.maxAge * DAY_MS);
}

export function credentialReportCsv(iam: IamData, accountId: string): string {
  const { root } = iam;
  const rows = [CREDENTIAL_REPORT_HEADER];
  // The root row uses not_supported for password fields and no_information when never used.
  rows.push(['<root_account>', `arn:aws:iam::${accountId}:root`, reportTime(root.createTime), 'not_supported',
    root.passwordLastUsed === undefined ? 'no_information' : reportTime(root.passwordLastUsed), 'not_supported', 'not_supported',
    String(root.mfa), ...keyColumns(root.accessKeys[0]), ...keyColumns(root.accessKeys[1]), ...NO_CERTS].join(','));
  for (const user of iam.users) {
    const password = user.password;
    rows.push([user.name, user.arn, reportTime(user.createTime), String(password !== undefined),
      password ? (password.lastUsed === undefined ? 'no_information' : reportTime(password.lastUsed)) : NA,
      password ? reportTime(password.lastChanged) : NA, password ? nextRotation(password.lastChanged, iam.passwordPolicy) : NA,
      String(user.mfa), ...keyColumns(user.accessKeys[0]), ...keyColumns(user.accessKeys[1]), ...NO_CERTS].join(','));
  }
  return rows.join('\n');
}
