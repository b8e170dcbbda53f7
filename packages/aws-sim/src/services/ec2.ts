import type { Ec2Region } from '../model.js';
import { regionDataOf } from '../dispatch.js';
import { OPT_IN_REGIONS } from '../generate/context.js';
import { checkLimit, paginate, type Page } from '../paging.js';
import { ec2Filters, listParam } from '../protocols/query-params.js';
import { SimError, type ServiceContext, type ServiceDef, type SimRequest } from '../protocols/types.js';
import { el, list } from '../protocols/xml.js';
import { EC2_FILTERS, applyFilters } from './ec2-filters.js';
import { addressXml, flowLogXml, networkAclXml, regionXml, securityGroupXml, vpcXml } from './ec2-network-xml.js';
import { reservationsXml, snapshotXml, volumeXml } from './ec2-xml.js';

function regionData(ctx: ServiceContext): Ec2Region {
  return regionDataOf(ctx, 'ec2').ec2;
}

/** MaxResults ranges differ per API (DescribeVolumes tops out at 500, DescribeNetworkAcls at 100). */
function ec2Page<T>(req: SimRequest, ctx: ServiceContext, items: readonly T[], min: number, max: number): Page<T> {
  const limit = checkLimit(req.params.get('MaxResults') ?? undefined, min, max);
  return paginate(items, {
    scope: `ec2:${ctx.region}:${req.action}`, token: req.params.get('NextToken') ?? undefined, limit, notePage: ctx.notePage,
  });
}

function selectIds<T>(items: readonly T[], ids: string[], idOf: (item: T) => string, notFoundCode: string): readonly T[] {
  if (ids.length === 0) return items;
  const wanted = new Set(ids);
  const found = items.filter((item) => wanted.has(idOf(item)));
  const foundIds = new Set(found.map(idOf));
  const missing = ids.filter((id) => !foundIds.has(id));
  if (missing.length > 0) throw new SimError(notFoundCode, `The ID '${missing.join(', ')}' does not exist`, 400);
  return found;
}

function describeRegions(req: SimRequest, ctx: ServiceContext): string {
  const all = req.params.get('AllRegions') === 'true';
  const names = new Set(listParam(req.params, 'RegionName'));
  const rows: [string, string][] = ctx.account.enabledRegions.map((r) => [r, OPT_IN_REGIONS.has(r) ? 'opted-in' : 'opt-in-not-required']);
  if (all) rows.push(...ctx.account.disabledRegions.map((r): [string, string] => [r, 'not-opted-in']));
  const selected = names.size === 0 ? rows : rows.filter(([r]) => names.has(r));
  return list('regionInfo', 'item', selected, ([r, status]) => regionXml(r, status));
}

function describeInstances(req: SimRequest, ctx: ServiceContext): string {
  const data = regionData(ctx);
  const byId = selectIds(data.instances, listParam(req.params, 'InstanceId'), (i) => i.id, 'InvalidInstanceID.NotFound');
  const page = ec2Page(req, ctx, applyFilters(byId, ec2Filters(req.params), EC2_FILTERS.instance), 5, 1000);
  return reservationsXml(page.items, ctx.account.accountId) + el('nextToken', page.nextToken);
}

function describeVolumes(req: SimRequest, ctx: ServiceContext): string {
  const data = regionData(ctx);
  const byId = selectIds(data.volumes, listParam(req.params, 'VolumeId'), (v) => v.id, 'InvalidVolume.NotFound');
  const page = ec2Page(req, ctx, applyFilters(byId, ec2Filters(req.params), EC2_FILTERS.volume), 5, 500);
  return list('volumeSet', 'item', page.items, volumeXml) + el('nextToken', page.nextToken);
}

/** Owner ids other than ours (amazon, other accounts) own nothing here; RestorableBy=all means public. */
function describeSnapshots(req: SimRequest, ctx: ServiceContext): string {
  const { accountId } = ctx.account;
  const owners = listParam(req.params, 'Owner');
  const restorable = listParam(req.params, 'RestorableBy');
  let items = regionData(ctx).snapshots;
  if (owners.length > 0 && !owners.some((o) => o === 'self' || o === accountId)) items = [];
  if (restorable.length > 0 && !restorable.includes(accountId)) items = restorable.includes('all') ? items.filter((s) => s.isPublic) : [];
  const byId = selectIds(items, listParam(req.params, 'SnapshotId'), (s) => s.id, 'InvalidSnapshot.NotFound');
  const page = ec2Page(req, ctx, applyFilters(byId, ec2Filters(req.params), EC2_FILTERS.snapshot), 5, 1000);
  return list('snapshotSet', 'item', page.items, (s) => snapshotXml(s, accountId)) + el('nextToken', page.nextToken);
}

function describeSecurityGroups(req: SimRequest, ctx: ServiceContext): string {
  const byId = selectIds(regionData(ctx).securityGroups, listParam(req.params, 'GroupId'), (g) => g.id, 'InvalidGroup.NotFound');
  const page = ec2Page(req, ctx, applyFilters(byId, ec2Filters(req.params), EC2_FILTERS.group), 5, 1000);
  return list('securityGroupInfo', 'item', page.items, (g) => securityGroupXml(g, ctx.account.accountId)) + el('nextToken', page.nextToken);
}

function describeVpcs(req: SimRequest, ctx: ServiceContext): string {
  const page = ec2Page(req, ctx, regionData(ctx).vpcs, 5, 1000);
  return list('vpcSet', 'item', page.items, (v) => vpcXml(v, ctx.account.accountId)) + el('nextToken', page.nextToken);
}

function describeNetworkAcls(req: SimRequest, ctx: ServiceContext): string {
  const page = ec2Page(req, ctx, regionData(ctx).networkAcls, 5, 100);
  return list('networkAclSet', 'item', page.items, (a) => networkAclXml(a, ctx.account.accountId)) + el('nextToken', page.nextToken);
}

function describeFlowLogs(req: SimRequest, ctx: ServiceContext): string {
  const page = ec2Page(req, ctx, regionData(ctx).flowLogs, 1, 1000);
  return list('flowLogSet', 'item', page.items, flowLogXml) + el('nextToken', page.nextToken);
}

/** DescribeAddresses is not paginated in the EC2 API. */
function describeAddresses(req: SimRequest, ctx: ServiceContext): string {
  const items = selectIds(regionData(ctx).addresses, listParam(req.params, 'AllocationId'), (a) => a.allocationId, 'InvalidAllocationID.NotFound');
  return list('addressesSet', 'item', items, (a) => addressXml(a, ctx.account.accountId));
}

function getEbsEncryptionByDefault(_req: SimRequest, ctx: ServiceContext): string {
  return el('ebsEncryptionByDefault', regionData(ctx).ebsEncryptionByDefault) + el('sseType', 'sse-ebs');
}

export const ec2Service: ServiceDef = {
  id: 'ec2', protocol: 'ec2', xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  actions: {
    DescribeRegions: describeRegions, DescribeInstances: describeInstances, DescribeVolumes: describeVolumes,
    DescribeSnapshots: describeSnapshots, DescribeSecurityGroups: describeSecurityGroups, DescribeVpcs: describeVpcs,
    DescribeNetworkAcls: describeNetworkAcls, DescribeFlowLogs: describeFlowLogs, DescribeAddresses: describeAddresses,
    GetEbsEncryptionByDefault: getEbsEncryptionByDefault,
  },
};
