import type { ElasticIp, FlowLog, IpPermission, NetworkAcl, SecurityGroup, Vpc } from '../model.js';
import { el, list, node } from '../protocols/xml.js';
import { iso } from '../time.js';
import { tagSet } from './ec2-xml.js';

function permissionXml(p: IpPermission, accountId: string): string {
  return el('ipProtocol', p.protocol) + el('fromPort', p.fromPort) + el('toPort', p.toPort)
    + list('groups', 'item', p.groupIds, (id) => el('userId', accountId) + el('groupId', id))
    + list('ipRanges', 'item', p.ipv4, (cidr) => el('cidrIp', cidr))
    + list('ipv6Ranges', 'item', p.ipv6, (cidr) => el('cidrIpv6', cidr))
    + '<prefixListIds/>';
}

export function securityGroupXml(g: SecurityGroup, accountId: string): string {
  return el('ownerId', accountId) + el('groupId', g.id) + el('groupName', g.name) + el('groupDescription', g.description)
    + list('ipPermissions', 'item', g.ingress, (p) => permissionXml(p, accountId))
    + list('ipPermissionsEgress', 'item', g.egress, (p) => permissionXml(p, accountId))
    + el('vpcId', g.vpcId) + el('securityGroupArn', `arn:aws:ec2:${g.region}:${accountId}:security-group/${g.id}`) + tagSet(g.tags);
}

export function vpcXml(v: Vpc, accountId: string): string {
  return el('vpcId', v.id) + el('ownerId', accountId) + el('state', 'available') + el('cidrBlock', v.cidr)
    + list('cidrBlockAssociationSet', 'item', [v.cidr], (cidr) => el('cidrBlock', cidr) + el('associationId', `${v.id.replace('vpc-', 'vpc-cidr-assoc-')}`)
      + node('cidrBlockState', el('state', 'associated')))
    + el('dhcpOptionsId', 'dopt-0123456789abcdef0') + el('instanceTenancy', 'default') + el('isDefault', v.isDefault) + tagSet(v.tags);
}

export function networkAclXml(a: NetworkAcl, accountId: string): string {
  return el('networkAclId', a.id) + el('vpcId', a.vpcId) + el('default', a.isDefault)
    + list('entrySet', 'item', a.entries, (e) => el('ruleNumber', e.ruleNumber) + el('protocol', e.protocol) + el('ruleAction', e.action)
      + el('egress', e.egress) + el(e.ipv6 ? 'ipv6CidrBlock' : 'cidrBlock', e.cidr)
      + (e.portFrom === undefined ? '' : node('portRange', el('from', e.portFrom) + el('to', e.portTo))))
    + list('associationSet', 'item', a.subnetIds, (subnet) => el('networkAclAssociationId', `aclassoc-${subnet.slice(7)}`) + el('networkAclId', a.id) + el('subnetId', subnet))
    + tagSet(a.tags) + el('ownerId', accountId);
}

export function flowLogXml(f: FlowLog): string {
  return el('creationTime', iso(f.createTime)) + el('deliverLogsStatus', 'SUCCESS') + el('flowLogId', f.id) + el('flowLogStatus', 'ACTIVE')
    + el('logGroupName', f.logGroupName) + el('resourceId', f.resourceId) + el('trafficType', f.trafficType)
    + el('logDestinationType', f.destinationType) + el('logDestination', f.destination)
    + el('logFormat', '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}')
    + el('maxAggregationInterval', 600);
}

export function addressXml(a: ElasticIp, accountId: string): string {
  return el('publicIp', a.publicIp) + el('allocationId', a.allocationId) + el('domain', 'vpc') + el('instanceId', a.instanceId)
    + el('associationId', a.associationId) + el('networkInterfaceOwnerId', a.associationId ? accountId : undefined)
    + el('privateIpAddress', a.privateIp) + el('publicIpv4Pool', 'amazon') + el('networkBorderGroup', a.region) + tagSet(a.tags);
}

export function regionXml(name: string, optInStatus: string): string {
  return el('regionName', name) + el('regionEndpoint', `ec2.${name}.amazonaws.com`) + el('optInStatus', optInStatus);
}
