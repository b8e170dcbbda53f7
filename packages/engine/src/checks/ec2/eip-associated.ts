import { ec2Addresses } from '../../collectors/ec2/addresses.js';
import { defineCheck, fail, noSettings, pass } from '../../core/check.js';
import { hourlyCost } from '../../pricing/estimate.js';
import { US_EAST_1 } from '../../pricing/price-table.js';

export const eipAssociated = defineCheck({
  id: 'ec2.eip-associated',
  title: 'Elastic IP addresses are in use',
  kind: 'cost',
  severity: 'low',
  description:
    'Every public IPv4 address is billed by the hour, in use or not. An Elastic IP associated with ' +
    'nothing is pure cost, and usually a leftover from a deleted instance or NAT gateway.',
  remediation: {
    text: 'Check that no DNS record or allow-list still points to the address, then release it.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/working-with-eips.html#using-instance-addressing-eips-releasing',
  },
  compliance: [],
  uses: { addresses: ec2Addresses },
  settings: noSettings,
  evaluate: ({ addresses }) =>
    addresses.map((address) => {
      const { AssociationId, InstanceId, NetworkInterfaceId, PublicIp, PublicIpv4Pool } = address.data;
      const name = `Elastic IP ${PublicIp ?? address.id}`;
      if (AssociationId || InstanceId || NetworkInterfaceId) {
        return pass(address, `${name} is associated with ${InstanceId ?? NetworkInterfaceId ?? AssociationId}`);
      }
      // Addresses from your own (BYOIP) pool carry no AWS public IPv4 charge.
      if (PublicIpv4Pool && PublicIpv4Pool !== 'amazon') {
        return fail(address, `${name} from BYOIP pool ${PublicIpv4Pool} is not associated (no IPv4 charge, but unused)`);
      }
      const cost = hourlyCost(US_EAST_1.publicIpv4Hour, 'public IPv4 address', address.region);
      return fail(address, `${name} is not associated with anything and costs $${cost.monthlyUsd.toFixed(2)} a month`, cost);
    }),
});
