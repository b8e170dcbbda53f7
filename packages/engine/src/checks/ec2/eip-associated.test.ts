import type { Address } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { eipAssociated } from './eip-associated.js';

const address = (id: string, data: Address, region = 'us-east-1') =>
  aResource<Address>({ AllocationId: id, PublicIp: '203.0.113.7', PublicIpv4Pool: 'amazon', ...data }, { id, region });

describe('ec2.eip-associated', () => {
  it('passes associated addresses (instance or network interface) and fails idle ones at $0.005 x 730 = $3.65', () => {
    const outcomes = runCheck(eipAssociated, {
      addresses: [
        address('eipalloc-i', { AssociationId: 'eipassoc-1', InstanceId: 'i-1' }),
        address('eipalloc-nat', { AssociationId: 'eipassoc-2', NetworkInterfaceId: 'eni-1' }),
        address('eipalloc-idle', {}),
      ],
    });
    expect(statuses(outcomes)).toEqual(['eipalloc-i:pass', 'eipalloc-nat:pass', 'eipalloc-idle:fail']);
    const idle = outcomes[2];
    expect(idle?.status === 'fail' && idle.savings?.monthlyUsd).toBe(3.65);
    expect(idle?.message).toBe('Elastic IP 203.0.113.7 is not associated with anything and costs $3.65 a month');
  });

  it('prices by region: ap-south-1 = 0.005 x 1.14 x 730 = $4.16', () => {
    const [outcome] = runCheck(eipAssociated, { addresses: [address('eipalloc-in', {}, 'ap-south-1')] });
    expect(outcome?.status === 'fail' && outcome.savings?.monthlyUsd).toBe(4.16);
  });

  it('fails an idle BYOIP address without claiming an IPv4 charge', () => {
    const [outcome] = runCheck(eipAssociated, { addresses: [address('eipalloc-byoip', { PublicIpv4Pool: 'ipv4pool-ec2-1' })] });
    expect(outcome?.status).toBe('fail');
    expect(outcome?.status === 'fail' && outcome.savings).toBeUndefined();
  });

  it('treats an address with no pool reported as Amazon-owned (billed)', () => {
    const [outcome] = runCheck(eipAssociated, { addresses: [aResource<Address>({ AllocationId: 'a' }, { id: 'a' })] });
    expect(outcome?.status === 'fail' && outcome.savings?.monthlyUsd).toBe(3.65);
  });
});
