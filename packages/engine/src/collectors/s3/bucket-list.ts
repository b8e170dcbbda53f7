import { GetBucketLocationCommand, paginateListBuckets, type Bucket, type S3Client } from '@aws-sdk/client-s3';
import { classifyAwsError } from '../../aws/error-kind.js';
import type { CollectorContext } from '../../core/collector.js';

/** A bucket of the account and the region its configuration calls must be sent to. */
export interface BucketRef {
  readonly name: string;
  readonly region: string;
}

/** Every per-bucket collector may be the first to load the shared list, so each needs these. */
export const BUCKET_LIST_PERMISSIONS = ['s3:ListAllMyBuckets', 's3:GetBucketLocation'] as const;

/** The account's buckets, listed once per scan and shared by every S3 collector. */
export function listBuckets(ctx: CollectorContext): Promise<readonly BucketRef[]> {
  return ctx.memo(`s3:buckets:${ctx.accountId}`, () => loadBuckets(ctx));
}

async function loadBuckets(ctx: CollectorContext): Promise<BucketRef[]> {
  const client = ctx.aws.client('s3', ctx.region);
  const listed: Bucket[] = [];
  // MaxBuckets turns on pagination and makes ListBuckets return each bucket's region.
  for await (const page of paginateListBuckets({ client, pageSize: 1000 }, {})) {
    listed.push(...(page.Buckets ?? []));
  }
  return Promise.all(
    listed.flatMap(({ Name, BucketRegion }) =>
      Name ? [locate(client, Name, BucketRegion, ctx.region).then((region) => ({ name: Name, region }))] : [],
    ),
  );
}

async function locate(client: S3Client, bucket: string, listedRegion: string | undefined, home: string): Promise<string> {
  if (listedRegion) return listedRegion;
  try {
    const { LocationConstraint } = await client.send(new GetBucketLocationCommand({ Bucket: bucket }));
    return regionFromLocation(LocationConstraint, home);
  } catch (error) {
    if (classifyAwsError(error) === 'aborted') throw error;
    // The bucket's own calls then fail (wrong region) and become unknown results for it.
    return home;
  }
}

/**
 * GetBucketLocation answers no constraint for the partition's first region (us-east-1) and the
 * legacy `EU` for buckets created in eu-west-1 through the old API.
 */
export function regionFromLocation(constraint: string | null | undefined, homeRegion: string): string {
  if (!constraint) return homeRegion;
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
