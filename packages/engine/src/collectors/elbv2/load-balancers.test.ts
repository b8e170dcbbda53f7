import { describe, expect, it } from 'vitest';
import { awsError, collectAll, stubbedContext, type SentCall } from '../collector-test-kit.js';
import { elbv2LoadBalancers } from './load-balancers.js';

const LBS = ['alb-ok', 'alb-denied', 'alb-gone'].map((name) => ({ LoadBalancerName: name, LoadBalancerArn: `arn:lb/${name}` }));

function respond({ command, input }: SentCall): object {
  if (command === 'DescribeLoadBalancers') return { LoadBalancers: LBS };
  if (command === 'DescribeTargetGroups') {
    if (input.LoadBalancerArn === 'arn:lb/alb-denied') throw awsError('AccessDenied');
    if (input.LoadBalancerArn === 'arn:lb/alb-gone') throw awsError('LoadBalancerNotFoundException');
    return { TargetGroups: [{ TargetGroupArn: 'arn:tg/web' }, { TargetGroupArn: 'arn:tg/locked' }, { TargetGroupArn: 'arn:tg/gone' }] };
  }
  if (input.TargetGroupArn === 'arn:tg/locked') throw awsError('AccessDenied');
  if (input.TargetGroupArn === 'arn:tg/gone') throw awsError('TargetGroupNotFoundException');
  return { TargetHealthDescriptions: [{ Target: { Id: 'i-1' }, TargetHealth: { State: 'healthy' } }] };
}

describe('elbv2.load-balancers', () => {
  it('combines each load balancer with its target groups and their health', async () => {
    const { ctx, calls } = stubbedContext(respond);
    const resources = await collectAll(elbv2LoadBalancers, ctx);
    expect(resources.map((r) => r.id)).toEqual(['alb-ok', 'alb-denied']);
    expect(resources[0]?.data.targetGroups).toEqual([
      { group: { TargetGroupArn: 'arn:tg/web' }, health: [{ Target: { Id: 'i-1' }, TargetHealth: { State: 'healthy' } }] },
      { group: { TargetGroupArn: 'arn:tg/locked' }, health: [], error: 'AccessDenied' },
    ]);
    expect(resources[1]?.data).toEqual({ loadBalancer: LBS[1], targetGroups: [], error: 'AccessDenied' });
    expect(calls[0]).toEqual({ service: 'elbv2', region: 'us-east-1', command: 'DescribeLoadBalancers', input: { PageSize: 400 } });
    expect(calls.find((c) => c.command === 'DescribeTargetGroups')?.input).toEqual({
      LoadBalancerArn: 'arn:lb/alb-ok',
      PageSize: 400,
    });
  });

  it('fails the listing on an unexpected error rather than reporting no targets', async () => {
    const { ctx } = stubbedContext(({ command }) => {
      if (command === 'DescribeLoadBalancers') return { LoadBalancers: [LBS[0]] };
      throw awsError('InternalFailure');
    });
    await expect(collectAll(elbv2LoadBalancers, ctx)).rejects.toThrow('InternalFailure');
  });
});
