import { z } from 'zod';
import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { iamCredentialReport } from '../../collectors/iam/credential-report.js';
import { daysSince } from '../ages.js';
import { userRows } from './report-rows.js';

export const accessKeysRotated = defineCheck({
  id: 'iam.access-keys-rotated',
  title: 'Active IAM access keys are rotated regularly',
  kind: 'security',
  severity: 'medium',
  description:
    'The longer an access key lives, the more places it has been copied to and the longer a leaked ' +
    'copy stays useful. Rotating keys bounds how long a leak can be exploited.',
  remediation: {
    text: 'Create a second key, switch every application to it, then deactivate and delete the old key.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  },
  compliance: ['CIS-5.0:1.13'],
  uses: { report: iamCredentialReport },
  settings: z.object({ maxAgeDays: z.number().int().positive().default(90) }),
  evaluate: ({ report }, { maxAgeDays }, ctx) =>
    userRows(report).map((user) => {
      const active = user.data.accessKeys.filter((key) => key.active);
      if (active.length === 0) return pass(user, `${user.id} has no active access key`);
      const undated = active.filter((key) => key.lastRotated === null);
      if (undated.length > 0) return unknown(user, `The credential report gives no creation date for ${user.id}'s active key ${undated[0]?.slot}`);
      // CIS: "rotated every 90 days or less", so a key exactly 90 days old still passes.
      const stale = active
        .map((key) => ({ slot: key.slot, days: Math.floor(daysSince(key.lastRotated ?? 0, ctx.now)) }))
        .filter((key) => key.days > maxAgeDays);
      if (stale.length === 0) return pass(user, `${user.id}'s active access keys are at most ${maxAgeDays} days old`);
      const list = stale.map((key) => `key ${key.slot} (${key.days} days)`).join(', ');
      return fail(user, `${user.id} has active access keys older than ${maxAgeDays} days: ${list}`);
    }),
});
