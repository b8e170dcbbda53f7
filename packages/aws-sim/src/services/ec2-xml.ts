import type { Instance, Snapshot, Volume } from '../model.js';
import { el, list, memoize, node, tagList } from '../protocols/xml.js';
import { gmtTime, iso } from '../time.js';

/** Element names follow the SDK's EC2 schema xmlName traits (e.g. State -> <status>, Tags -> <tagSet>). */
export function tagSet(tags: readonly { key: string; value: string }[]): string {
  return tags.length === 0 ? '' : tagList('tagSet', 'item', tags);
}

const STATE_CODES = { running: 16, stopped: 80 } as const;

export const instanceXml = memoize((i: Instance): string => {
  const dnsSuffix = i.region === 'us-east-1' ? 'ec2.internal' : `${i.region}.compute.internal`;
  const stopped = i.state === 'stopped' && i.stoppedAt !== undefined;
  return el('instanceId', i.id) + el('imageId', i.imageId)
    + node('instanceState', el('code', STATE_CODES[i.state]) + el('name', i.state))
    + el('privateDnsName', `ip-${i.privateIp.replaceAll('.', '-')}.${dnsSuffix}`)
    + el('dnsName', i.publicIp ? `ec2-${i.publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com` : '')
    + el('reason', stopped ? `User initiated (${gmtTime(i.stoppedAt ?? 0)})` : '')
    + el('amiLaunchIndex', 0) + el('instanceType', i.type) + el('launchTime', iso(i.launchTime))
    + node('placement', el('availabilityZone', i.az) + el('groupName', '') + el('tenancy', 'default'))
    + el('platform', i.platform) + node('monitoring', el('state', 'disabled'))
    + el('subnetId', i.subnetId) + el('vpcId', i.vpcId) + el('privateIpAddress', i.privateIp) + el('ipAddress', i.publicIp)
    + el('sourceDestCheck', true)
    + list('groupSet', 'item', i.securityGroups, (g) => el('groupId', g.id) + el('groupName', g.name))
    + (stopped ? node('stateReason', el('code', 'Client.UserInitiatedShutdown') + el('message', 'Client.UserInitiatedShutdown: User initiated shutdown')) : '')
    + el('architecture', 'x86_64') + el('rootDeviceType', 'ebs') + el('rootDeviceName', '/dev/xvda')
    + list('blockDeviceMapping', 'item', i.blockDevices, (b) => el('deviceName', b.device)
      + node('ebs', el('volumeId', b.volumeId) + el('status', 'attached') + el('attachTime', iso(b.attachTime)) + el('deleteOnTermination', b.deleteOnTermination)))
    + el('virtualizationType', 'hvm') + tagSet(i.tags) + el('hypervisor', 'xen') + el('ebsOptimized', false)
    + el('platformDetails', i.platform === 'windows' ? 'Windows' : 'Linux/UNIX')
    + node('metadataOptions', el('state', 'applied') + el('httpTokens', i.httpTokens) + el('httpPutResponseHopLimit', i.httpTokens === 'required' ? 2 : 1)
      + el('httpEndpoint', 'enabled') + el('httpProtocolIpv6', 'disabled') + el('instanceMetadataTags', 'disabled'));
});

/** DescribeInstances pages count instances; consecutive instances of one reservation share an <item>. */
export function reservationsXml(instances: readonly Instance[], accountId: string): string {
  let out = '<reservationSet>';
  let open: string | undefined;
  for (const instance of instances) {
    if (instance.reservationId !== open) {
      if (open !== undefined) out += '</instancesSet></item>';
      open = instance.reservationId;
      out += `<item>${el('reservationId', open)}${el('ownerId', accountId)}<groupSet/><instancesSet>`;
    }
    out += `<item>${instanceXml(instance)}</item>`;
  }
  if (open !== undefined) out += '</instancesSet></item>';
  return `${out}</reservationSet>`;
}

export const volumeXml = memoize((v: Volume): string => {
  const a = v.attachment;
  return el('volumeId', v.id) + el('size', v.sizeGiB) + el('snapshotId', v.snapshotId ?? '') + el('availabilityZone', v.az)
    + el('status', a ? 'in-use' : 'available') + el('createTime', iso(v.createTime))
    + list('attachmentSet', 'item', a ? [a] : [], (x) => el('volumeId', v.id) + el('instanceId', x.instanceId) + el('device', x.device)
      + el('status', 'attached') + el('attachTime', iso(x.attachTime)) + el('deleteOnTermination', x.deleteOnTermination))
    + tagSet(v.tags) + el('volumeType', v.type) + el('iops', v.iops) + el('throughput', v.throughput)
    + el('encrypted', v.encrypted) + el('kmsKeyId', v.kmsKeyId) + el('multiAttachEnabled', false);
});

export const snapshotXml = memoize((s: Snapshot, accountId: string): string => {
  return el('snapshotId', s.id) + el('volumeId', s.volumeId) + el('status', 'completed') + el('startTime', iso(s.startTime))
    + el('progress', '100%') + el('ownerId', accountId) + el('volumeSize', s.sizeGiB) + el('description', s.description)
    + el('encrypted', s.encrypted) + el('kmsKeyId', s.kmsKeyId) + el('storageTier', 'standard') + tagSet(s.tags);
});
