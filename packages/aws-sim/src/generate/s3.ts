import type { Bucket, PublicAccessBlock } from '../model.js';
import { createRng, type Rng } from '../random.js';
import { DAY_MS } from '../time.js';
import { kmsKeyArn, type GenContext } from './context.js';

const WORDS = ['assets', 'logs', 'backups', 'data-lake', 'uploads', 'static', 'artifacts', 'reports', 'exports', 'media'];

export interface S3Data { buckets: Bucket[]; accountPublicAccessBlock?: PublicAccessBlock }

export function generateS3(ctx: GenContext): S3Data {
  const rng = createRng(ctx.seed, 's3');
  const buckets: Bucket[] = [];
  for (let i = 0; i < ctx.size.buckets; i++) buckets.push(generateBucket(ctx, rng, i, buckets[0]?.name));
  const accountBlock = rng.chance(0.5) ? fullBlock() : undefined;
  return { buckets, ...(accountBlock ? { accountPublicAccessBlock: accountBlock } : {}) };
}

function fullBlock(): PublicAccessBlock {
  return { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
}

function bucketRegion(ctx: GenContext, rng: Rng): string {
  // About 40% of buckets sit in us-east-1, like most real accounts.
  if (ctx.regions.includes('us-east-1') && rng.chance(0.4)) return 'us-east-1';
  return rng.pick(ctx.regions);
}

function generateBucket(ctx: GenContext, rng: Rng, i: number, logTarget: string | undefined): Bucket {
  const name = i === 0 ? `access-logs-${ctx.accountId}` : `${rng.pick(WORDS)}-${ctx.accountId}-${i}`;
  const createTime = ctx.now - rng.int(1, 2500) * DAY_MS;
  const isPublicRead = i > 0 && rng.chance(0.06);
  const grants: Bucket['aclGrants'] = i === 0 ? ['LogDelivery'] : isPublicRead ? ['AllUsers'] : rng.chance(0.03) ? ['AuthenticatedUsers'] : [];
  const block = isPublicRead ? undefined : rng.chance(0.65) ? (rng.chance(0.85) ? fullBlock() : { ...fullBlock(), blockPublicPolicy: false, restrictPublicBuckets: false }) : undefined;
  return {
    name, region: bucketRegion(ctx, rng), createTime, policy: bucketPolicy(rng, name, isPublicRead), aclGrants: grants,
    ...(block ? { publicAccessBlock: block } : {}),
    ...versioning(rng), mfaDelete: false,
    // Buckets created before 2023-01-05 may still lack default encryption; newer ones always have SSE-S3.
    ...(createTime < Date.parse('2023-01-05') && rng.chance(0.4) ? {} : { encryption: encryption(ctx, rng) }),
    ...(logTarget && rng.chance(0.3) ? { logging: { targetBucket: logTarget, targetPrefix: `${name}/` } } : {}),
    ...(rng.chance(0.35) ? { lifecycle: lifecycle(rng) } : {}),
  };
}

function versioning(rng: Rng): Pick<Bucket, 'versioning'> {
  const state = rng.weighted([['Enabled', 4], ['Suspended', 1], ['none', 5]] as const);
  return state === 'none' ? {} : { versioning: state };
}

function encryption(ctx: GenContext, rng: Rng): NonNullable<Bucket['encryption']> {
  if (rng.chance(0.75)) return { algorithm: 'AES256', bucketKey: false };
  return { algorithm: 'aws:kms', kmsKeyId: kmsKeyArn(rng, 'us-east-1', ctx.accountId), bucketKey: rng.chance(0.7) };
}

function lifecycle(rng: Rng): NonNullable<Bucket['lifecycle']> {
  return [{ id: 'expire-old', expirationDays: rng.pick([30, 90, 365]), ...(rng.chance(0.5) ? { transitionDays: 30 } : {}), ...(rng.chance(0.5) ? { abortMultipartDays: 7 } : {}) }];
}

/** Some policies deny plain HTTP (aws:SecureTransport=false); a few allow the world to read objects. */
function bucketPolicy(rng: Rng, name: string, isPublic: boolean): string | undefined {
  const statements: object[] = [];
  if (rng.chance(0.45)) {
    statements.push({
      Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*',
      Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  }
  if (isPublic || rng.chance(0.04)) {
    statements.push({ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` });
  }
  if (statements.length === 0) return undefined;
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}
