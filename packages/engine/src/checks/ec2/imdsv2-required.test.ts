import type { Instance } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { imdsv2Required } from './imdsv2-required.js';

const instance = (id: string, data: Instance) =>
  aResource<Instance>({ InstanceId: id, State: { Name: 'running' }, ...data }, { id, type: 'AWS::EC2::Instance' });

describe('ec2.imdsv2-required', () => {
  it.each<[string, Instance, string]>([
    ['tokens required', { MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } }, 'pass'],
    ['tokens optional', { MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' } }, 'fail'],
    ['metadata service off', { MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'disabled' } }, 'pass'],
    ['stopped and optional (will accept IMDSv1 when started)', { State: { Name: 'stopped' }, MetadataOptions: { HttpTokens: 'optional' } }, 'fail'],
    ['no metadata options reported', {}, 'unknown'],
  ])('%s -> %s', (_name, data, expected) => {
    expect(statuses(runCheck(imdsv2Required, { instances: [instance('i-1', data)] }))).toEqual([`i-1:${expected}`]);
  });

  it('skips terminated and shutting-down instances', () => {
    const outcomes = runCheck(imdsv2Required, {
      instances: [
        instance('i-gone', { State: { Name: 'terminated' }, MetadataOptions: { HttpTokens: 'optional' } }),
        instance('i-going', { State: { Name: 'shutting-down' }, MetadataOptions: { HttpTokens: 'optional' } }),
      ],
    });
    expect(outcomes).toEqual([]);
  });

  it('says which setting fails', () => {
    const [outcome] = runCheck(imdsv2Required, { instances: [instance('i-1', { MetadataOptions: { HttpTokens: 'optional' } })] });
    expect(outcome?.message).toBe('Instance i-1 accepts IMDSv1 (HttpTokens optional)');
  });
});
