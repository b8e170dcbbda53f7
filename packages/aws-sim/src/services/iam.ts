import { checkLimit, paginate, type Page } from '../paging.js';
import { listParam } from '../protocols/query-params.js';
import { SimError, type ServiceContext, type ServiceDef, type SimRequest } from '../protocols/types.js';
import { el, list, node } from '../protocols/xml.js';
import { iso } from '../time.js';
import { credentialReportCsv } from './credential-report.js';
import { accountSummary } from './iam-summary.js';
import { groupDetailXml, policyDetailXml, roleDetailXml, userDetailXml } from './iam-xml.js';

/** IAM list calls: MaxItems 1-1000 (default 100), Marker, IsTruncated. */
function iamPage<T>(req: SimRequest, ctx: ServiceContext, items: readonly T[]): Page<T> {
  const limit = checkLimit(req.params.get('MaxItems') ?? undefined, 1, 1000, 'ValidationError', 'MaxItems') ?? 100;
  return paginate(items, { scope: `iam:${req.action}`, token: req.params.get('Marker') ?? undefined, limit, notePage: ctx.notePage });
}

function truncation(page: Page<unknown>): string {
  return el('IsTruncated', page.nextToken !== undefined) + el('Marker', page.nextToken);
}

/** The first call starts a report; later calls find it complete (reports are reused for 4 hours). */
function generateCredentialReport(_req: SimRequest, ctx: ServiceContext): string {
  const first = ctx.state.credentialReportRequests === 0;
  ctx.state.credentialReportRequests++;
  return first
    ? el('State', 'STARTED') + el('Description', 'No report exists. Starting a new report generation task')
    : el('State', 'COMPLETE');
}

function getCredentialReport(_req: SimRequest, ctx: ServiceContext): string {
  if (ctx.state.credentialReportRequests === 0) {
    throw new SimError('ReportNotPresent', 'Credential report not present. Use GenerateCredentialReport to generate a new report.', 410);
  }
  const csv = credentialReportCsv(ctx.account.iam, ctx.account.accountId);
  return el('Content', Buffer.from(csv, 'utf8').toString('base64')) + el('ReportFormat', 'text/csv') + el('GeneratedTime', iso(ctx.account.now));
}

function getAccountPasswordPolicy(_req: SimRequest, ctx: ServiceContext): string {
  const p = ctx.account.iam.passwordPolicy;
  if (!p) throw new SimError('NoSuchEntity', `The Password Policy with domain name ${ctx.account.accountId} cannot be found.`, 404);
  return node('PasswordPolicy', el('MinimumPasswordLength', p.minimumLength) + el('RequireSymbols', p.requireSymbols)
    + el('RequireNumbers', p.requireNumbers) + el('RequireUppercaseCharacters', p.requireUppercase) + el('RequireLowercaseCharacters', p.requireLowercase)
    + el('AllowUsersToChangePassword', p.allowUsersToChange) + el('ExpirePasswords', p.maxAge !== undefined) + el('MaxPasswordAge', p.maxAge)
    + el('PasswordReusePrevention', p.reusePrevention) + el('HardExpiry', p.hardExpiry));
}

function getAccountSummary(_req: SimRequest, ctx: ServiceContext): string {
  return list('SummaryMap', 'entry', Object.entries(accountSummary(ctx.account.iam)), ([k, v]) => el('key', k) + el('value', v));
}

interface MfaDevice { serial: string; user?: { name?: string; id: string; arn: string; createTime: number }; enabled?: number }

function mfaDevices(ctx: ServiceContext): MfaDevice[] {
  const { iam, accountId } = ctx.account;
  const devices: MfaDevice[] = [];
  if (iam.root.virtualMfa) {
    devices.push({ serial: `arn:aws:iam::${accountId}:mfa/root-account-mfa-device`, user: { id: accountId, arn: `arn:aws:iam::${accountId}:root`, createTime: iam.root.createTime }, enabled: iam.root.createTime + 86_400_000 });
  }
  for (const u of iam.users) if (u.mfa) devices.push({ serial: `arn:aws:iam::${accountId}:mfa/${u.name}`, user: { name: u.name, id: u.id, arn: u.arn, createTime: u.createTime }, enabled: u.createTime });
  devices.push({ serial: `arn:aws:iam::${accountId}:mfa/unassigned-device` });
  return devices;
}

function listVirtualMfaDevices(req: SimRequest, ctx: ServiceContext): string {
  const status = req.params.get('AssignmentStatus') ?? 'Any';
  const devices = mfaDevices(ctx).filter((d) => status === 'Any' || (status === 'Assigned') === (d.user !== undefined));
  const page = iamPage(req, ctx, devices);
  return list('VirtualMFADevices', 'member', page.items, (d) => el('SerialNumber', d.serial)
    + (d.user ? node('User', el('Path', '/') + el('UserName', d.user.name) + el('UserId', d.user.id) + el('Arn', d.user.arn) + el('CreateDate', iso(d.user.createTime))) : '')
    + el('EnableDate', d.enabled === undefined ? undefined : iso(d.enabled))) + truncation(page);
}

type Detail = { kind: 'User' | 'Group' | 'Role' | 'LocalManagedPolicy' | 'AWSManagedPolicy'; xml: () => string };

/** One paginated sequence over users, groups, roles then policies, filtered by entity type. */
function getAccountAuthorizationDetails(req: SimRequest, ctx: ServiceContext): string {
  const { iam } = ctx.account;
  const filter = new Set(listParam(req.params, 'Filter.member'));
  const all: Detail[] = [
    ...iam.users.map((u): Detail => ({ kind: 'User', xml: () => userDetailXml(u) })),
    ...iam.groups.map((g): Detail => ({ kind: 'Group', xml: () => groupDetailXml(g) })),
    ...iam.roles.map((r): Detail => ({ kind: 'Role', xml: () => roleDetailXml(r) })),
    ...iam.policies.map((p): Detail => ({ kind: p.awsManaged ? 'AWSManagedPolicy' : 'LocalManagedPolicy', xml: () => policyDetailXml(p) })),
  ];
  const page = iamPage(req, ctx, filter.size === 0 ? all : all.filter((d) => filter.has(d.kind)));
  const section = (wrapper: string, kinds: Detail['kind'][]): string =>
    list(wrapper, 'member', page.items.filter((d) => kinds.includes(d.kind)), (d) => d.xml());
  return section('UserDetailList', ['User']) + section('GroupDetailList', ['Group']) + section('RoleDetailList', ['Role'])
    + section('Policies', ['LocalManagedPolicy', 'AWSManagedPolicy']) + truncation(page);
}

function listServerCertificates(req: SimRequest, ctx: ServiceContext): string {
  const page = iamPage(req, ctx, ctx.account.iam.serverCertificates);
  return list('ServerCertificateMetadataList', 'member', page.items, (c) => el('Path', c.path) + el('ServerCertificateName', c.name)
    + el('ServerCertificateId', c.id) + el('Arn', c.arn) + el('UploadDate', iso(c.uploadTime)) + el('Expiration', iso(c.expiration))) + truncation(page);
}

export const iamService: ServiceDef = {
  id: 'iam', protocol: 'query', xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/', global: true,
  actions: {
    GenerateCredentialReport: generateCredentialReport, GetCredentialReport: getCredentialReport,
    GetAccountPasswordPolicy: getAccountPasswordPolicy, GetAccountSummary: getAccountSummary,
    ListVirtualMFADevices: listVirtualMfaDevices, GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
    ListServerCertificates: listServerCertificates,
  },
};
