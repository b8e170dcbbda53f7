import type { BucketAclData } from '../../collectors/s3/bucket-acls.js';
import type { BucketPolicyData } from '../../collectors/s3/bucket-policies.js';
import type { BucketAspect } from '../../collectors/s3/per-bucket.js';
import { isPublicAllow, readPolicyStatements } from './bucket-policy-statements.js';
import type { EffectiveBlock, FlagState } from './effective-public-access-block.js';

/** How one access path (ACL or policy) exposes a bucket, with the reason in words. */
export interface Exposure {
  readonly state: 'public' | 'private' | 'unknown';
  readonly reason: string;
}

const PUBLIC_GROUPS: Readonly<Record<string, string>> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'everyone',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'any AWS account',
};

/**
 * A public grant that Block Public Access neutralises is not exposure. Only IgnorePublicAcls
 * and RestrictPublicBuckets neutralise what already exists; BlockPublicAcls and
 * BlockPublicPolicy only refuse new public ACLs and policies.
 */
function neutralised(reason: string, flag: FlagState, flagName: string): Exposure {
  if (flag === true) return { state: 'private', reason: `${reason}, neutralised by ${flagName}` };
  if (flag === 'unknown') return { state: 'unknown', reason: `${reason}; ${flagName} could not be read` };
  return { state: 'public', reason };
}

export function aclExposure(acl: BucketAspect<BucketAclData> | undefined, block: EffectiveBlock): Exposure {
  if (acl === undefined) return { state: 'unknown', reason: 'ACL not collected' };
  if ('error' in acl) return { state: 'unknown', reason: `ACL unreadable (${acl.error})` };
  const grants = acl.grants.flatMap(({ Grantee, Permission }) => {
    const group = Grantee?.Type === 'Group' ? PUBLIC_GROUPS[Grantee.URI ?? ''] : undefined;
    return group ? [`${Permission ?? 'access'} to ${group}`] : [];
  });
  if (grants.length === 0) return { state: 'private', reason: 'no public ACL grant' };
  return neutralised(`ACL grants ${grants.join(', ')}`, block.IgnorePublicAcls, 'IgnorePublicAcls');
}

export function policyExposure(policy: BucketAspect<BucketPolicyData> | undefined, block: EffectiveBlock): Exposure {
  if (policy === undefined) return { state: 'unknown', reason: 'policy not collected' };
  if ('error' in policy) return { state: 'unknown', reason: `policy unreadable (${policy.error})` };
  if (policy.policy === null) return { state: 'private', reason: 'no bucket policy' };
  const statements = readPolicyStatements(policy.policy);
  if (statements === null) return { state: 'unknown', reason: 'policy is not valid policy JSON' };
  const open = statements.flatMap((s, i) => (isPublicAllow(s) ? [s.sid ?? `#${i + 1}`] : []));
  if (open.length === 0) return { state: 'private', reason: 'policy grants no public access' };
  const reason = `policy statement ${open.join(', ')} allows any principal without a restricting condition`;
  return neutralised(reason, block.RestrictPublicBuckets, 'RestrictPublicBuckets');
}
