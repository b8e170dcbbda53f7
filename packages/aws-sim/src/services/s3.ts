import type { Bucket } from '../model.js';
import { checkLimit, paginate } from '../paging.js';
import { restXmlResponse } from '../protocols/envelopes.js';
import { SimError, type ServiceContext, type ServiceDef, type SimRequest, type SimResponse } from '../protocols/types.js';
import { el, node } from '../protocols/xml.js';
import { iso } from '../time.js';
import { S3_XMLNS, aclXml, encryptionXml, lifecycleXml, publicAccessBlockXml } from './s3-xml.js';

const SUBRESOURCES: Record<string, string> = {
  policy: 'GetBucketPolicy', acl: 'GetBucketAcl', publicAccessBlock: 'GetPublicAccessBlock', versioning: 'GetBucketVersioning',
  encryption: 'GetBucketEncryption', logging: 'GetBucketLogging', lifecycle: 'GetBucketLifecycleConfiguration', location: 'GetBucketLocation',
};

/** Path-style only: `GET /` lists buckets, `GET /<bucket>?<subresource>` reads one configuration. */
function route(req: SimRequest): string | undefined {
  if (req.method !== 'GET') return undefined;
  if (req.path === '/') return 'ListBuckets';
  if (!/^\/[^/]+\/?$/.test(req.path)) return undefined;
  for (const key of req.query.keys()) {
    const action = SUBRESOURCES[key];
    if (action) return action;
  }
  return undefined;
}

function ok(body: string, ctx: ServiceContext, headers: Record<string, string> = {}): SimResponse {
  return restXmlResponse(body, ctx.requestId, 200, headers);
}

/** Resolves the bucket and, like S3, redirects calls signed for another region (GetBucketLocation works anywhere). */
function bucketOf(req: SimRequest, ctx: ServiceContext): Bucket {
  const name = decodeURIComponent(req.path.split('/')[1] ?? '');
  const bucket = ctx.account.bucketsByName.get(name);
  if (!bucket) throw new SimError('NoSuchBucket', 'The specified bucket does not exist', 404, 'Sender', { BucketName: name });
  if (req.action !== 'GetBucketLocation' && bucket.region !== ctx.region) {
    throw new SimError('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      301, 'Sender', { Bucket: name, Endpoint: `s3.${bucket.region}.amazonaws.com` }, { 'x-amz-bucket-region': bucket.region });
  }
  return bucket;
}

function missing(code: string, message: string, bucket: Bucket): SimError {
  return new SimError(code, message, 404, 'Sender', { BucketName: bucket.name });
}

function listBuckets(req: SimRequest, ctx: ServiceContext): SimResponse {
  const prefix = req.query.get('prefix') ?? '';
  const region = req.query.get('bucket-region');
  const items = ctx.account.buckets.filter((b) => b.name.startsWith(prefix) && (region === null || b.region === region));
  const limit = checkLimit(req.query.get('max-buckets') ?? undefined, 1, 10_000, 'InvalidArgument', 'max-buckets');
  const page = paginate(items, { scope: `s3:${prefix}:${region ?? ''}`, token: req.query.get('continuation-token') ?? undefined, limit, invalidTokenCode: 'InvalidArgument', notePage: ctx.notePage });
  const buckets = page.items.map((b) => node('Bucket', el('Name', b.name) + el('CreationDate', iso(b.createTime)) + el('BucketRegion', b.region) + el('BucketArn', `arn:aws:s3:::${b.name}`))).join('');
  return ok(`<ListAllMyBucketsResult xmlns="${S3_XMLNS}">${node('Owner', el('ID', ctx.account.canonicalUserId))}${node('Buckets', buckets)}`
    + `${el('ContinuationToken', page.nextToken)}${prefix === '' ? '' : el('Prefix', prefix)}</ListAllMyBucketsResult>`, ctx);
}

/** us-east-1 buckets answer with an empty LocationConstraint, a long-standing S3 quirk. */
function getBucketLocation(req: SimRequest, ctx: ServiceContext): SimResponse {
  const bucket = bucketOf(req, ctx);
  const body = bucket.region === 'us-east-1' ? `<LocationConstraint xmlns="${S3_XMLNS}"/>` : `<LocationConstraint xmlns="${S3_XMLNS}">${bucket.region}</LocationConstraint>`;
  return ok(body, ctx);
}

function getBucketPolicy(req: SimRequest, ctx: ServiceContext): SimResponse {
  const bucket = bucketOf(req, ctx);
  if (bucket.policy === undefined) throw missing('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket);
  return ok(bucket.policy, ctx, { 'content-type': 'application/json' });
}

function getBucketAcl(req: SimRequest, ctx: ServiceContext): SimResponse {
  return ok(aclXml(bucketOf(req, ctx), ctx.account.canonicalUserId), ctx);
}

function getPublicAccessBlock(req: SimRequest, ctx: ServiceContext): SimResponse {
  const bucket = bucketOf(req, ctx);
  if (!bucket.publicAccessBlock) throw missing('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', bucket);
  return ok(publicAccessBlockXml(bucket.publicAccessBlock, S3_XMLNS), ctx);
}

/** A bucket that was never versioned answers with an empty VersioningConfiguration. */
function getBucketVersioning(req: SimRequest, ctx: ServiceContext): SimResponse {
  const bucket = bucketOf(req, ctx);
  const inner = bucket.versioning ? el('Status', bucket.versioning) + el('MfaDelete', bucket.mfaDelete ? 'Enabled' : 'Disabled') : '';
  return ok(`<VersioningConfiguration xmlns="${S3_XMLNS}">${inner}</VersioningConfiguration>`, ctx);
}

function getBucketEncryption(req: SimRequest, ctx: ServiceContext): SimResponse {
  const bucket = bucketOf(req, ctx);
  if (!bucket.encryption) throw missing('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', bucket);
  return ok(encryptionXml(bucket.encryption), ctx);
}

function getBucketLogging(req: SimRequest, ctx: ServiceContext): SimResponse {
  const { logging } = bucketOf(req, ctx);
  const inner = logging ? node('LoggingEnabled', el('TargetBucket', logging.targetBucket) + el('TargetPrefix', logging.targetPrefix)) : '';
  return ok(`<BucketLoggingStatus xmlns="${S3_XMLNS}">${inner}</BucketLoggingStatus>`, ctx);
}

function getBucketLifecycleConfiguration(req: SimRequest, ctx: ServiceContext): SimResponse {
  const bucket = bucketOf(req, ctx);
  if (!bucket.lifecycle) throw missing('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', bucket);
  return ok(lifecycleXml(bucket.lifecycle), ctx, { 'x-amz-transition-default-minimum-object-size': 'all_storage_classes_128K' });
}

export const s3Service: ServiceDef = {
  id: 's3', protocol: 'rest-xml', global: true, route,
  actions: {
    ListBuckets: listBuckets, GetBucketLocation: getBucketLocation, GetBucketPolicy: getBucketPolicy, GetBucketAcl: getBucketAcl,
    GetPublicAccessBlock: getPublicAccessBlock, GetBucketVersioning: getBucketVersioning, GetBucketEncryption: getBucketEncryption,
    GetBucketLogging: getBucketLogging, GetBucketLifecycleConfiguration: getBucketLifecycleConfiguration,
  },
};
