import type { S3Client } from '@aws-sdk/client-s3';
import { errorFacts } from '../../aws/error-kind.js';
import type { CollectorContext } from '../../core/collector.js';
import type { Resource } from '../../core/resource.js';
import { orError, type CallError } from '../call-errors.js';
import { listBuckets, type BucketRef } from './bucket-list.js';

/** One configuration aspect of a bucket, or why it could not be read: checks answer unknown. */
export type BucketAspect<T> = T | CallError;

const BUCKET_TYPE = 'AWS::S3::Bucket';

// Results are yielded in chunks so memory stays bounded for accounts with very many buckets;
// within a chunk every call is started at once and the client governor caps concurrency.
const CHUNK = 500;
const GONE = Symbol('bucket deleted during the scan');

/** Reads one configuration aspect of every bucket, each call sent to the bucket's region. */
export async function* collectPerBucket<T>(
  ctx: CollectorContext,
  read: (client: S3Client, bucket: string) => Promise<T>,
): AsyncGenerator<Resource<BucketAspect<T>>> {
  const buckets = await listBuckets(ctx);
  for (let start = 0; start < buckets.length; start += CHUNK) {
    const chunk = buckets.slice(start, start + CHUNK);
    const resources = await Promise.all(
      chunk.map(async (bucket) => {
        const data = await readBucket(ctx, bucket, read);
        return data === GONE ? undefined : bucketResource(ctx, bucket, data);
      }),
    );
    for (const resource of resources) if (resource) yield resource;
  }
}

/** A bucket deleted since the listing is dropped; any other failure is kept as its data. */
function readBucket<T>(
  ctx: CollectorContext,
  bucket: BucketRef,
  read: (client: S3Client, bucket: string) => Promise<T>,
): Promise<BucketAspect<T> | typeof GONE> {
  return orError(ctx.signal, unlessNotConfigured(read(ctx.aws.client('s3', bucket.region), bucket.name), 'NoSuchBucket', GONE));
}

function bucketResource<T>(ctx: CollectorContext, bucket: BucketRef, data: T): Resource<T> {
  return {
    arn: `arn:${ctx.partition}:s3:::${bucket.name}`,
    id: bucket.name,
    type: BUCKET_TYPE,
    region: bucket.region,
    accountId: ctx.accountId,
    tags: {},
    data,
  };
}

/** S3 answers "not configured" with an error; turn that one error code into a value. */
export async function unlessNotConfigured<T, F>(call: Promise<T>, code: string, fallback: F): Promise<T | F> {
  try {
    return await call;
  } catch (error) {
    if (errorFacts(error).code === code) return fallback;
    throw error;
  }
}
