import { z } from 'zod';
import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { iamCredentialReport, rootAccountRef } from '../../collectors/iam/credential-report.js';
import { daysSince, isoDay } from '../ages.js';
import { rootRow } from './report-rows.js';

export const rootNotUsedRecently = defineCheck({
  id: 'iam.root-not-used-recently',
  title: 'The root user has not been used recently',
  kind: 'security',
  severity: 'medium',
  description:
    'Daily and administrative work should run as IAM users or roles with limited permissions. ' +
    'Recent root sign-ins or root key use suggest the root user is used routinely, which exposes ' +
    'unrestricted credentials far more often than the few tasks that need them.',
  remediation: {
    text: 'Use IAM Identity Center or IAM roles for administration; keep the root user for the tasks only it can do.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  },
  compliance: ['CIS-5.0:1.6'],
  uses: { report: iamCredentialReport },
  // CIS gives no number of days; 90 follows Steampipe's CIS control and a quarterly review.
  settings: z.object({ days: z.number().int().positive().default(90) }),
  evaluate: ({ report }, { days }, ctx) => {
    const root = rootRow(report);
    if (!root) return [unknown(rootAccountRef(ctx.partition, ctx.accountId), 'The credential report has no root user row')];
    const uses = [
      { what: 'password', at: root.data.passwordLastUsed },
      ...root.data.accessKeys.map((key) => ({ what: `access key ${key.slot}`, at: key.lastUsed })),
    ].filter((use): use is { what: string; at: Date } => use.at !== null);
    const last = uses.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (!last) return [pass(root, 'The root user has no recorded use')];
    const when = isoDay(last.at);
    return daysSince(last.at, ctx.now) < days
      ? [fail(root, `The root user was used on ${when} (by ${last.what}), within the last ${days} days`)]
      : [pass(root, `The root user was last used on ${when}, more than ${days} days ago`)];
  },
});
