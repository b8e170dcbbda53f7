import type { Check } from '../core/check.js';
import { collectorsOf } from '../scan/plan.js';

export interface IamPolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: ReadonlyArray<{ readonly Sid: string; readonly Effect: 'Allow'; readonly Action: readonly string[]; readonly Resource: '*' }>;
}

/**
 * The read-only IAM policy a scan of these checks needs: exactly the actions their collectors
 * declare (plus the identity and region look-ups every scan makes), nothing more.
 */
export function leastPrivilegePolicy(checks: readonly Check[]): IamPolicyDocument {
  const actions = new Set(['sts:GetCallerIdentity', 'ec2:DescribeRegions']);
  for (const collector of collectorsOf(checks)) for (const action of collector.permissions) actions.add(action);
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'CloudsweepReadOnly', Effect: 'Allow', Action: [...actions].sort(), Resource: '*' }],
  };
}
