import { describe, expect, it } from 'vitest';
import { collectAll, stubbedContext } from '../collector-test-kit.js';
import { ec2Instances } from './instances.js';

describe('ec2.instances', () => {
  it('asks for 1000 per page, follows NextToken and yields one resource per instance', async () => {
    const { ctx, calls } = stubbedContext(({ input }) =>
      input.NextToken === undefined
        ? {
            Reservations: [
              { Instances: [{ InstanceId: 'i-1', Tags: [{ Key: 'Name', Value: 'web' }] }, { InstanceId: 'i-2' }] },
              { Instances: [] },
            ],
            NextToken: 'page-2',
          }
        : { Reservations: [{ Instances: [{ InstanceId: 'i-3' }] }] },
    );
    const resources = await collectAll(ec2Instances, ctx);
    expect(resources.map((r) => r.id)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(resources[0]?.arn).toBe('arn:aws:ec2:us-east-1:123456789012:instance/i-1');
    expect(resources[0]?.tags).toEqual({ Name: 'web' });
    expect(calls.map((c) => [c.command, c.input.MaxResults, c.input.NextToken])).toEqual([
      ['DescribeInstances', 1000, undefined],
      ['DescribeInstances', 1000, 'page-2'],
    ]);
  });

  it('yields nothing for a region without instances', async () => {
    const { ctx } = stubbedContext(() => ({}));
    expect(await collectAll(ec2Instances, ctx)).toEqual([]);
  });
});
