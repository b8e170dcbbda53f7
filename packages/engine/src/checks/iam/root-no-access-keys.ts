import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { iamAccountSummary } from '../../collectors/iam/account-summary.js';
import type { CredentialReportRow } from '../../collectors/iam/credential-report-csv.js';
import { iamCredentialReport, rootAccountRef } from '../../collectors/iam/credential-report.js';
import { rootRow } from './report-rows.js';

/** The root keys the report shows. An inactive key has a rotation date; an empty slot has none. */
function describeKeys(row: CredentialReportRow): string[] {
  return row.accessKeys
    .filter((key) => key.active || key.lastRotated !== null)
    .map((key) => `key ${key.slot} (${key.active ? 'active' : 'inactive'})`);
}

export const rootNoAccessKeys = defineCheck({
  id: 'iam.root-no-access-keys',
  title: 'The root user has no access keys',
  kind: 'security',
  severity: 'critical',
  description:
    'A root access key gives unrestricted, MFA-free API access to the whole account; no policy can ' +
    'limit it. Keys leak through code, logs and laptops, so the root user should have none.',
  remediation: {
    text: 'Sign in as the root user, open Security credentials, and deactivate then delete every access key.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  compliance: ['CIS-5.0:1.3'],
  uses: { summary: iamAccountSummary, report: iamCredentialReport },
  settings: noSettings,
  evaluate: ({ summary, report }, _settings, ctx) => {
    const root = rootAccountRef(ctx.partition, ctx.accountId);
    const row = rootRow(report)?.data;
    // CIS asks that no root key *exists*: an inactive key fails too, as it can be re-activated.
    // AccountAccessKeysPresent decides when present; the report's root row names the keys.
    const keys = row ? describeKeys(row) : undefined;
    const present = summary[0]?.data.AccountAccessKeysPresent;
    const hasKeys = present !== undefined ? present > 0 : keys && keys.length > 0;
    if (hasKeys === undefined) return [unknown(root, 'Neither the account summary nor the credential report says whether the root user has access keys')];
    if (!hasKeys) return [pass(root, 'The root user has no access keys')];
    if (!keys || keys.length === 0) return [fail(root, 'The root user has access keys')];
    return [fail(root, `The root user has ${keys.length === 1 ? 'an access key' : 'access keys'}: ${keys.join(', ')}`)];
  },
});
