import type { IamGroup, IamRole, IamUser, ManagedPolicy } from '../model.js';
import { el, list, node, tagList, textList } from '../protocols/xml.js';
import { iso } from '../time.js';

/** IAM returns policy documents URL-encoded (RFC 3986) inside the XML. */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document);
}

function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function attached(arns: readonly string[]): string {
  return list('AttachedManagedPolicies', 'member', arns, (arn) => el('PolicyName', policyName(arn)) + el('PolicyArn', arn));
}

function inline(wrapper: string, policies: readonly { name: string; document: string }[]): string {
  return list(wrapper, 'member', policies, (p) => el('PolicyName', p.name) + el('PolicyDocument', encodeDocument(p.document)));
}

function tags(items: readonly { key: string; value: string }[]): string {
  return items.length === 0 ? '' : tagList('Tags', 'member', items, 'Key', 'Value');
}

export function userDetailXml(u: IamUser): string {
  return el('Path', u.path) + el('UserName', u.name) + el('UserId', u.id) + el('Arn', u.arn) + el('CreateDate', iso(u.createTime))
    + inline('UserPolicyList', u.inlinePolicies) + textList('GroupList', 'member', u.groups) + attached(u.attachedPolicyArns) + tags(u.tags);
}

export function groupDetailXml(g: IamGroup): string {
  return el('Path', g.path) + el('GroupName', g.name) + el('GroupId', g.id) + el('Arn', g.arn) + el('CreateDate', iso(g.createTime))
    + inline('GroupPolicyList', g.inlinePolicies) + attached(g.attachedPolicyArns);
}

export function roleDetailXml(r: IamRole): string {
  const profile = r.name.startsWith('ec2-role')
    ? [node('member', el('Path', '/') + el('InstanceProfileName', r.name) + el('InstanceProfileId', r.id.replace('AROA', 'AIPA'))
      + el('Arn', r.arn.replace(':role/', ':instance-profile/')) + el('CreateDate', iso(r.createTime)) + '<Roles/>')]
    : [];
  return el('Path', r.path) + el('RoleName', r.name) + el('RoleId', r.id) + el('Arn', r.arn) + el('CreateDate', iso(r.createTime))
    + el('AssumeRolePolicyDocument', encodeDocument(r.trustPolicy)) + node('InstanceProfileList', profile.join(''))
    + inline('RolePolicyList', r.inlinePolicies) + attached(r.attachedPolicyArns) + tags(r.tags)
    + (r.lastUsed ? node('RoleLastUsed', el('LastUsedDate', iso(r.lastUsed.at)) + el('Region', r.lastUsed.region)) : '<RoleLastUsed/>');
}

export function policyDetailXml(p: ManagedPolicy): string {
  const defaultVersion = p.versions.find((v) => v.isDefault)?.id ?? 'v1';
  return el('PolicyName', p.name) + el('PolicyId', p.id) + el('Arn', p.arn) + el('Path', p.path) + el('DefaultVersionId', defaultVersion)
    + el('AttachmentCount', p.attachmentCount) + el('PermissionsBoundaryUsageCount', 0) + el('IsAttachable', true) + el('Description', p.description)
    + el('CreateDate', iso(p.createTime)) + el('UpdateDate', iso(p.updateTime))
    + list('PolicyVersionList', 'member', p.versions, (v) => el('Document', encodeDocument(v.document)) + el('VersionId', v.id)
      + el('IsDefaultVersion', v.isDefault) + el('CreateDate', iso(v.createTime)));
}
