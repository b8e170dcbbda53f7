import { z } from 'zod';
import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import type { CredentialReportRow } from '../../collectors/iam/credential-report-csv.js';
import { iamCredentialReport } from '../../collectors/iam/credential-report.js';
import { daysSince } from '../ages.js';
import { userRows } from './report-rows.js';

interface Credential {
  readonly name: string;
  /** Last use; when never used, when it was issued (CIS counts the idle time from then). */
  readonly since: Date | null;
  readonly neverUsed: boolean;
}

function enabledCredentials(row: CredentialReportRow): Credential[] {
  const credentials: Credential[] = [];
  if (row.passwordEnabled) {
    const since = row.passwordLastUsed ?? row.passwordLastChanged ?? row.userCreationTime;
    credentials.push({ name: 'console password', since, neverUsed: row.passwordLastUsed === null });
  }
  for (const key of row.accessKeys.filter((candidate) => candidate.active)) {
    const since = key.lastUsed ?? key.lastRotated;
    credentials.push({ name: `access key ${key.slot}`, since, neverUsed: key.lastUsed === null });
  }
  return credentials;
}

export const unusedCredentialsDisabled = defineCheck({
  id: 'iam.unused-credentials-disabled',
  title: 'IAM credentials unused for 45 days or more are disabled',
  kind: 'security',
  severity: 'medium',
  description:
    'Passwords and access keys nobody uses still work for whoever finds them. Disabling idle ' +
    'credentials (including ones never used since they were issued) removes that risk at no cost.',
  remediation: {
    text: 'Remove the console password or deactivate the access key; delete it once nothing breaks.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  compliance: ['CIS-5.0:1.11'],
  uses: { report: iamCredentialReport },
  settings: z.object({ maxUnusedDays: z.number().int().positive().default(45) }),
  evaluate: ({ report }, { maxUnusedDays }, ctx) =>
    userRows(report).map((user) => {
      if (user.data.passwordEnabled === null) return unknown(user, `The credential report does not say whether ${user.id} has a console password`);
      const credentials = enabledCredentials(user.data);
      if (credentials.length === 0) return pass(user, `${user.id} has no enabled password or active access key`);
      const idle = credentials
        .filter((credential) => credential.since !== null)
        .map((credential) => ({ ...credential, days: Math.floor(daysSince(credential.since ?? 0, ctx.now)) }))
        // CIS: "unused for 45 days or greater", so exactly 45 days fails.
        .filter((credential) => credential.days >= maxUnusedDays)
        .map((credential) => `${credential.name} ${credential.neverUsed ? 'never used, issued' : 'last used'} ${credential.days} days ago`);
      if (idle.length > 0) return fail(user, `${user.id} has credentials unused for ${maxUnusedDays}+ days: ${idle.join('; ')}`);
      const undated = credentials.find((credential) => credential.since === null);
      if (undated) return unknown(user, `The credential report gives no usage or issue date for ${user.id}'s ${undated.name}`);
      return pass(user, `${user.id}'s enabled credentials were used within the last ${maxUnusedDays} days`);
    }),
});
