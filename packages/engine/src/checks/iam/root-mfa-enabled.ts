import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { iamAccountSummary } from '../../collectors/iam/account-summary.js';
import { iamCredentialReport, rootAccountRef } from '../../collectors/iam/credential-report.js';
import { rootRow } from './report-rows.js';

export const rootMfaEnabled = defineCheck({
  id: 'iam.root-mfa-enabled',
  title: 'The root user has MFA enabled',
  kind: 'security',
  severity: 'critical',
  description:
    'The root user can do anything in the account, including closing it and changing billing, and ' +
    'no policy can restrict it. Without MFA, a leaked or guessed root password is enough to take ' +
    'over the whole account.',
  remediation: {
    text: 'Sign in as the root user, open Security credentials and assign an MFA device (a hardware key is best).',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
  },
  compliance: ['CIS-5.0:1.4'],
  uses: { summary: iamAccountSummary, report: iamCredentialReport },
  settings: noSettings,
  evaluate: ({ summary, report }, _settings, ctx) => {
    const root = rootAccountRef(ctx.partition, ctx.accountId);
    // The account summary is authoritative and always present; the credential report's root
    // row is the fallback (some emulators, e.g. moto, omit the root row).
    const fromSummary = summary[0]?.data.AccountMFAEnabled;
    const fromReport = rootRow(report)?.data.mfaActive;
    const enabled = fromSummary !== undefined ? fromSummary === 1 : fromReport;
    if (enabled === undefined) return [unknown(root, 'Neither the account summary nor the credential report says whether the root user has MFA')];
    return [enabled ? pass(root, 'The root user has MFA enabled') : fail(root, 'The root user has no MFA device')];
  },
});
