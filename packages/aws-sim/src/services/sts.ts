import { randomBytes } from 'node:crypto';
import type { ServiceContext, ServiceDef, SimRequest } from '../protocols/types.js';
import { el, node } from '../protocols/xml.js';
import { iso } from '../time.js';

function getCallerIdentity(_req: SimRequest, ctx: ServiceContext): string {
  const scanner = ctx.account.iam.users[0];
  const arn = scanner?.arn ?? `arn:aws:iam::${ctx.account.accountId}:user/cloudsweep-scanner`;
  return el('Arn', arn) + el('UserId', scanner?.id ?? 'AIDASIMULATORUSER0000') + el('Account', ctx.account.accountId);
}

/**
 * Permissive: every role ARN works. Expiration uses the real clock (not the model's fixed `now`),
 * because the SDK refreshes credentials it believes expired before every call.
 */
function assumeRole(req: SimRequest, ctx: ServiceContext): string {
  const roleArn = req.params.get('RoleArn') ?? `arn:aws:iam::${ctx.account.accountId}:role/unknown`;
  const sessionName = req.params.get('RoleSessionName') ?? 'session';
  const seconds = Number(req.params.get('DurationSeconds') ?? 3600);
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  const account = match?.[1] ?? ctx.account.accountId;
  const roleName = match?.[2] ?? 'unknown';
  const roleId = `AROA${randomBytes(8).toString('hex').toUpperCase().slice(0, 17)}`;
  return node('Credentials', el('AccessKeyId', `ASIA${randomBytes(8).toString('hex').toUpperCase()}`)
    + el('SecretAccessKey', randomBytes(30).toString('base64')) + el('SessionToken', randomBytes(64).toString('base64'))
    + el('Expiration', iso(Date.now() + seconds * 1000)))
    + node('AssumedRoleUser', el('AssumedRoleId', `${roleId}:${sessionName}`) + el('Arn', `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`))
    + el('PackedPolicySize', 0);
}

export const stsService: ServiceDef = {
  id: 'sts', protocol: 'query', xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  actions: { GetCallerIdentity: getCallerIdentity, AssumeRole: assumeRole },
};
