import { defineCheck, fail, noSettings, pass, unknown } from '../../core/check.js';
import { s3BucketPolicies } from '../../collectors/s3/bucket-policies.js';
import { matchesWildcard, readPolicyStatements, type PolicyStatement } from './bucket-policy-statements.js';

export const bucketDeniesHttp = defineCheck({
  id: 's3.bucket-denies-http',
  title: 'S3 bucket policies deny requests not sent over HTTPS',
  kind: 'security',
  severity: 'medium',
  description:
    'S3 accepts plain HTTP requests unless the bucket policy denies them. Over HTTP, data and ' +
    'request signatures travel unencrypted and can be read or altered on the way. The policy ' +
    'must deny every S3 action on the objects to every principal when aws:SecureTransport is false.',
  remediation: {
    text:
      'Add a statement to the bucket policy: Effect Deny, Principal "*", Action "s3:*", Resource ' +
      'the bucket ARN and "<bucket ARN>/*", Condition {"Bool": {"aws:SecureTransport": "false"}}.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  },
  compliance: ['CIS-5.0:2.1.1'],
  uses: { policies: s3BucketPolicies },
  settings: noSettings,
  evaluate: ({ policies }, _settings, ctx) =>
    policies.map((bucket) => {
      const { data } = bucket;
      if ('error' in data) return unknown(bucket, `Could not read the policy of bucket ${bucket.id} (${data.error})`);
      if (data.policy === null) return fail(bucket, `Bucket ${bucket.id} has no policy, so HTTP requests are allowed`);
      const statements = readPolicyStatements(data.policy);
      if (statements === null) return unknown(bucket, `The policy of bucket ${bucket.id} is not valid policy JSON`);
      const objects = `arn:${ctx.partition}:s3:::${bucket.id}/*`;
      return statements.some((s) => deniesInsecureTransport(s, objects))
        ? pass(bucket, `Bucket ${bucket.id} denies requests without aws:SecureTransport`)
        : fail(bucket, `The policy of bucket ${bucket.id} has no statement denying HTTP (aws:SecureTransport false)`);
    }),
});

/** Deny, to everyone, of all S3 actions on every object, when the request is not over TLS. */
function deniesInsecureTransport(statement: PolicyStatement, objectsArn: string): boolean {
  if (statement.effect !== 'Deny' || !statement.everyone || statement.notAction || statement.notResource) {
    return false;
  }
  const allActions = statement.actions.some((a) => a === '*' || a.toLowerCase() === 's3:*');
  const allObjects = statement.resources.some((r) => matchesWildcard(r, objectsArn));
  const insecure = statement.conditions.some(
    (c) => /^bool(ifexists)?$/i.test(c.operator) && c.key === 'aws:securetransport' && c.values.some((v) => v.toLowerCase() === 'false'),
  );
  return allActions && allObjects && insecure;
}
