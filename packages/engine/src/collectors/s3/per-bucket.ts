import type { S3Client } from '@aws-sdk/client-s3';
import { classifyAwsError, errorFacts } from '../../aws/error-kind.js';
import type { CollectorContext } from '../../core/collector.js';
import type { Resource } from '../../core/resource.js';
import { listBuckets, type BucketRef } from './bucket-list.js';

/** A bucket whose configuration could not be read (e.g. AccessDenied): checks answer unknown. */
export interface BucketError {
  readonly error: string;
}

export type BucketAspect<T> = T | BucketError;

export const BUCKET_TYPE = 'AWS::S3::Bucket';

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
    const results = await Promise.all(chunk.map((bucket) => readBucket(ctx, bucket, read)));
    for (const [index, data] of results.entries()) {
      const bucket = chunk[index];
      if (bucket && data !== GONE) yield bucketResource(ctx, bucket, data);
    }
  }
}

async function readBucket<T>(
  ctx: CollectorContext,
  bucket: BucketRef,
  read: (client: S3Client, bucket: string) => Promise<T>,
): Promise<BucketAspect<T> | typeof GONE> {
  try {
    return await read(ctx.aws.client('s3', bucket.region), bucket.name);
  } catch (error) {
    if (ctx.signal.aborted || classifyAwsError(error) === 'aborted') throw error;
    const { code } = errorFacts(error);
    return code === 'NoSuchBucket' ? GONE : { error: code };
  }
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
