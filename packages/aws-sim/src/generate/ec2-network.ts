import type { FlowLog, IpPermission, NetworkAcl, NetworkAclEntry, SecurityGroup, Vpc } from '../model.js';
import { awsHexId, type Rng } from '../random.js';
import { DAY_MS } from '../time.js';
import type { GenContext } from './context.js';

export interface NetworkInput { ctx: GenContext; rng: Rng; region: string; salt: number; vpcCount: number; sgCount: number }

export interface RegionNetwork { vpcs: Vpc[]; securityGroups: SecurityGroup[]; networkAcls: NetworkAcl[]; flowLogs: FlowLog[] }

const ALL_TRAFFIC: IpPermission = { protocol: '-1', ipv4: ['0.0.0.0/0'], ipv6: [], groupIds: [] };

export function generateNetwork(input: NetworkInput): RegionNetwork {
  const { rng, region, salt } = input;
  const vpcs: Vpc[] = [];
  for (let i = 0; i < Math.max(1, input.vpcCount); i++) {
    const isDefault = i === 0;
    vpcs.push({
      id: awsHexId('vpc', salt, i), region, isDefault,
      cidr: isDefault ? '172.31.0.0/16' : `10.${i % 256}.0.0/16`,
      tags: isDefault ? [] : [{ key: 'Name', value: `${rng.pick(['prod', 'staging', 'dev', 'shared'])}-vpc-${i}` }],
    });
  }
  const securityGroups = generateSecurityGroups(input, vpcs);
  const networkAcls = vpcs.flatMap((vpc, i) => generateNacls(input, vpc, i));
  const flowLogs = vpcs.filter(() => rng.chance(0.5)).map((vpc, i) => flowLogFor(input, vpc, i));
  return { vpcs, securityGroups, networkAcls, flowLogs };
}

/** Every VPC has a `default` group (self-referencing ingress); the rest are a mix of clean and open rules. */
function generateSecurityGroups(input: NetworkInput, vpcs: Vpc[]): SecurityGroup[] {
  const { rng, region, salt } = input;
  const groups: SecurityGroup[] = vpcs.map((vpc, i) => {
    const id = awsHexId('sg', salt, i);
    return {
      id, region, vpcId: vpc.id, name: 'default', description: 'default VPC security group',
      ingress: [{ protocol: '-1', ipv4: [], ipv6: [], groupIds: [id] }], egress: [ALL_TRAFFIC], tags: [],
    };
  });
  for (let i = groups.length; i < input.sgCount; i++) {
    const vpc = rng.pick(vpcs);
    const purpose = rng.pick(['web', 'app', 'db', 'bastion', 'internal', 'legacy']);
    groups.push({
      id: awsHexId('sg', salt, i), region, vpcId: vpc.id, name: `${purpose}-sg-${i}`,
      description: `${purpose} tier`, ingress: ingressRules(rng, purpose), egress: [ALL_TRAFFIC],
      tags: [{ key: 'Name', value: `${purpose}-${i}` }],
    });
  }
  return groups;
}

function ingressRules(rng: Rng, purpose: string): IpPermission[] {
  const rules: IpPermission[] = [];
  const tcp = (port: number, ipv4: string[], ipv6: string[] = []): IpPermission =>
    ({ protocol: 'tcp', fromPort: port, toPort: port, ipv4, ipv6, groupIds: [] });
  if (purpose === 'web') rules.push(tcp(443, ['0.0.0.0/0'], ['::/0']), tcp(80, ['0.0.0.0/0']));
  if (purpose === 'db') rules.push(tcp(rng.pick([3306, 5432, 1433]), ['10.0.0.0/8']));
  if (purpose === 'app') rules.push({ protocol: 'tcp', fromPort: 8000, toPort: 8999, ipv4: ['10.0.0.0/8'], ipv6: [], groupIds: [] });
  // The misconfigurations scanners look for: admin ports open to the world.
  if (purpose === 'bastion' || rng.chance(0.12)) rules.push(tcp(22, [rng.chance(0.7) ? '0.0.0.0/0' : '203.0.113.0/24']));
  if (rng.chance(0.07)) rules.push(tcp(3389, ['0.0.0.0/0']));
  if (purpose === 'legacy' && rng.chance(0.4)) rules.push({ protocol: '-1', ipv4: ['0.0.0.0/0'], ipv6: ['::/0'], groupIds: [] });
  if (purpose === 'internal') rules.push({ protocol: 'tcp', fromPort: 0, toPort: 65535, ipv4: ['10.0.0.0/8', '192.168.0.0/16'], ipv6: [], groupIds: [] });
  return rules;
}

function naclEntry(ruleNumber: number, egress: boolean, action: 'allow' | 'deny', extra: Partial<NetworkAclEntry> = {}): NetworkAclEntry {
  return { ruleNumber, protocol: '-1', action, egress, cidr: '0.0.0.0/0', ipv6: false, ...extra };
}

/** Default NACLs allow everything (rule 100) above the implicit deny (32767); some custom ones open SSH/RDP. */
function generateNacls(input: NetworkInput, vpc: Vpc, index: number): NetworkAcl[] {
  const { rng, region, salt } = input;
  const defaults = [naclEntry(100, false, 'allow'), naclEntry(32767, false, 'deny'), naclEntry(100, true, 'allow'), naclEntry(32767, true, 'deny')];
  const acls: NetworkAcl[] = [{
    id: awsHexId('acl', salt, index * 2), region, vpcId: vpc.id, isDefault: true, entries: defaults,
    subnetIds: [awsHexId('subnet', salt, index * 3)], tags: [],
  }];
  if (rng.chance(0.5)) {
    const port = rng.pick([22, 3389]);
    acls.push({
      id: awsHexId('acl', salt, index * 2 + 1), region, vpcId: vpc.id, isDefault: false, subnetIds: [awsHexId('subnet', salt, index * 3 + 1)],
      entries: [
        naclEntry(100, false, 'allow', { protocol: '6', portFrom: 443, portTo: 443 }),
        naclEntry(110, false, 'allow', { protocol: '6', portFrom: port, portTo: port }),
        naclEntry(120, false, 'allow', { protocol: '6', portFrom: 1024, portTo: 65535 }),
        naclEntry(32767, false, 'deny'), naclEntry(100, true, 'allow'), naclEntry(32767, true, 'deny'),
      ],
      tags: [{ key: 'Name', value: `custom-acl-${index}` }],
    });
  }
  return acls;
}

function flowLogFor(input: NetworkInput, vpc: Vpc, index: number): FlowLog {
  const { rng, ctx, region, salt } = input;
  const toS3 = rng.chance(0.3);
  const logGroupName = `/vpc/flow-logs/${vpc.id}`;
  return {
    id: awsHexId('fl', salt, index), region, resourceId: vpc.id, createTime: ctx.now - rng.int(10, 900) * DAY_MS,
    trafficType: rng.pick(['ALL', 'ALL', 'REJECT']), destinationType: toS3 ? 's3' : 'cloud-watch-logs',
    destination: toS3 ? `arn:aws:s3:::flow-logs-${ctx.accountId}` : `arn:aws:logs:${region}:${ctx.accountId}:log-group:${logGroupName}`,
    ...(toS3 ? {} : { logGroupName }),
  };
}
