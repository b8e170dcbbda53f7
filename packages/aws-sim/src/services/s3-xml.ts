import type { Bucket } from '../model.js';
import { el, node } from '../protocols/xml.js';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const GROUPS = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const;

function grant(grantee: string, permission: string): string {
  return `<Grant>${grantee}${el('Permission', permission)}</Grant>`;
}

export function aclXml(bucket: Bucket, ownerId: string): string {
  const owner = el('ID', ownerId);
  let grants = grant(`<Grantee ${XSI} xsi:type="CanonicalUser">${owner}</Grantee>`, 'FULL_CONTROL');
  for (const group of bucket.aclGrants) {
    const grantee = `<Grantee ${XSI} xsi:type="Group">${el('URI', GROUPS[group])}</Grantee>`;
    grants += group === 'LogDelivery' ? grant(grantee, 'WRITE') + grant(grantee, 'READ_ACP') : grant(grantee, 'READ');
  }
  return `<AccessControlPolicy xmlns="${S3_XMLNS}">${node('Owner', owner)}${node('AccessControlList', grants)}</AccessControlPolicy>`;
}

export function encryptionXml(e: NonNullable<Bucket['encryption']>): string {
  const byDefault = el('SSEAlgorithm', e.algorithm) + el('KMSMasterKeyID', e.kmsKeyId);
  return `<ServerSideEncryptionConfiguration xmlns="${S3_XMLNS}"><Rule>${node('ApplyServerSideEncryptionByDefault', byDefault)}${el('BucketKeyEnabled', e.bucketKey)}</Rule></ServerSideEncryptionConfiguration>`;
}

export function lifecycleXml(rules: NonNullable<Bucket['lifecycle']>): string {
  const body = rules.map((r) => node('Rule', el('ID', r.id) + '<Filter><Prefix></Prefix></Filter>' + el('Status', 'Enabled')
    + (r.transitionDays === undefined ? '' : node('Transition', el('Days', r.transitionDays) + el('StorageClass', 'STANDARD_IA')))
    + (r.expirationDays === undefined ? '' : node('Expiration', el('Days', r.expirationDays)))
    + (r.abortMultipartDays === undefined ? '' : node('AbortIncompleteMultipartUpload', el('DaysAfterInitiation', r.abortMultipartDays))))).join('');
  return `<LifecycleConfiguration xmlns="${S3_XMLNS}">${body}</LifecycleConfiguration>`;
}

export function publicAccessBlockXml(b: NonNullable<Bucket['publicAccessBlock']>, xmlns: string): string {
  return `<PublicAccessBlockConfiguration xmlns="${xmlns}">${el('BlockPublicAcls', b.blockPublicAcls)}${el('IgnorePublicAcls', b.ignorePublicAcls)}`
    + `${el('BlockPublicPolicy', b.blockPublicPolicy)}${el('RestrictPublicBuckets', b.restrictPublicBuckets)}</PublicAccessBlockConfiguration>`;
}
