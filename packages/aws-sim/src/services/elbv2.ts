import type { LoadBalancer, TargetGroup } from '../model.js';
import { regionDataOf } from '../dispatch.js';
import { checkLimit, paginate, type Page } from '../paging.js';
import { listParam } from '../protocols/query-params.js';
import { SimError, type ServiceContext, type ServiceDef, type SimRequest } from '../protocols/types.js';
import { el, list, node, textList } from '../protocols/xml.js';
import { iso } from '../time.js';

/** ELBv2 pages with PageSize 1-400 (default 400) and Marker/NextMarker. */
function elbPage<T>(req: SimRequest, ctx: ServiceContext, items: readonly T[]): Page<T> {
  const limit = checkLimit(req.params.get('PageSize') ?? undefined, 1, 400, 'ValidationError', 'PageSize') ?? 400;
  return paginate(items, { scope: `elb:${ctx.region}:${req.action}`, token: req.params.get('Marker') ?? undefined, limit, notePage: ctx.notePage });
}

function loadBalancerXml(lb: LoadBalancer): string {
  return el('LoadBalancerArn', lb.arn) + el('DNSName', lb.dnsName) + el('CanonicalHostedZoneId', lb.type === 'application' ? 'Z35SXDOTRQ7X7K' : 'Z26RNL4JYFTOTI')
    + el('CreatedTime', iso(lb.createTime)) + el('LoadBalancerName', lb.name) + el('Scheme', lb.scheme) + el('VpcId', lb.vpcId)
    + node('State', el('Code', lb.state)) + el('Type', lb.type)
    + list('AvailabilityZones', 'member', ['a', 'b'], (z) => el('ZoneName', `${lb.region}${z}`) + el('SubnetId', `subnet-${z}${lb.vpcId.slice(4, 14)}`))
    + (lb.type === 'application' ? textList('SecurityGroups', 'member', lb.securityGroupIds) : '') + el('IpAddressType', 'ipv4');
}

function targetGroupXml(tg: TargetGroup): string {
  return el('TargetGroupArn', tg.arn) + el('TargetGroupName', tg.name) + el('Protocol', tg.protocol) + el('Port', tg.port) + el('VpcId', tg.vpcId)
    + el('HealthCheckProtocol', tg.protocol) + el('HealthCheckPort', 'traffic-port') + el('HealthCheckEnabled', true)
    + el('HealthCheckIntervalSeconds', 30) + el('HealthCheckTimeoutSeconds', 5) + el('HealthyThresholdCount', 5) + el('UnhealthyThresholdCount', 2)
    + (tg.protocol === 'HTTP' ? el('HealthCheckPath', '/') + node('Matcher', el('HttpCode', '200')) : '')
    + textList('LoadBalancerArns', 'member', tg.loadBalancerArns) + el('TargetType', 'instance') + el('IpAddressType', 'ipv4');
}

function describeLoadBalancers(req: SimRequest, ctx: ServiceContext): string {
  const arns = listParam(req.params, 'LoadBalancerArns.member');
  const all = regionDataOf(ctx, 'query').loadBalancers;
  const items = arns.length === 0 ? all : all.filter((lb) => arns.includes(lb.arn));
  if (arns.length > 0 && items.length === 0) throw new SimError('LoadBalancerNotFound', 'One or more load balancers not found', 400);
  const page = elbPage(req, ctx, items);
  return list('LoadBalancers', 'member', page.items, loadBalancerXml) + el('NextMarker', page.nextToken);
}

function describeTargetGroups(req: SimRequest, ctx: ServiceContext): string {
  const lbArn = req.params.get('LoadBalancerArn');
  const arns = listParam(req.params, 'TargetGroupArns.member');
  const items = regionDataOf(ctx, 'query').targetGroups.filter((tg) => (lbArn === null || tg.loadBalancerArns.includes(lbArn)) && (arns.length === 0 || arns.includes(tg.arn)));
  const page = elbPage(req, ctx, items);
  return list('TargetGroups', 'member', page.items, targetGroupXml) + el('NextMarker', page.nextToken);
}

const REASONS: Record<string, string | undefined> = { unhealthy: 'Target.FailedHealthChecks', unused: 'Target.InvalidState', draining: 'Target.DeregistrationInProgress' };

function describeTargetHealth(req: SimRequest, ctx: ServiceContext): string {
  const arn = req.params.get('TargetGroupArn') ?? '';
  const tg = regionDataOf(ctx, 'query').targetGroups.find((t) => t.arn === arn);
  if (!tg) throw new SimError('TargetGroupNotFound', `Target groups '${arn}' not found`, 400);
  return list('TargetHealthDescriptions', 'member', tg.targets, (t) => node('Target', el('Id', t.id) + el('Port', t.port))
    + el('HealthCheckPort', String(t.port)) + node('TargetHealth', el('State', t.state) + el('Reason', REASONS[t.state])));
}

export const elbv2Service: ServiceDef = {
  id: 'elasticloadbalancing', protocol: 'query', xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  actions: { DescribeLoadBalancers: describeLoadBalancers, DescribeTargetGroups: describeTargetGroups, DescribeTargetHealth: describeTargetHealth },
};
