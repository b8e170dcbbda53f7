import type { LoadBalancerTypeEnum, TargetHealthStateEnum } from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import type { LoadBalancerRecord, TargetGroupHealth } from '../../collectors/elbv2/load-balancers.js';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { loadBalancerHasTargets } from './load-balancer-has-targets.js';

const lb = (id: string, type: LoadBalancerTypeEnum | undefined, targetGroups: TargetGroupHealth[], extra: Partial<LoadBalancerRecord> = {}, region = 'us-east-1') =>
  aResource<LoadBalancerRecord>({ loadBalancer: { LoadBalancerName: id, Type: type, State: { Code: 'active' } }, targetGroups, ...extra }, { id, region });
const group = (states: TargetHealthStateEnum[], healthChecks = true): TargetGroupHealth => ({
  group: { TargetGroupName: 'tg', HealthCheckEnabled: healthChecks },
  health: states.map((State, i) => ({ Target: { Id: `i-${i}` }, TargetHealth: { State } })),
});
const monthly = (outcome: ReturnType<typeof runCheck>[number] | undefined) => (outcome?.status === 'fail' ? outcome.savings?.monthlyUsd : undefined);

describe('elbv2.load-balancer-has-targets', () => {
  it('passes when any target group has a healthy target', () => {
    const outcomes = runCheck(loadBalancerHasTargets, { loadBalancers: [lb('web', 'application', [group(['unhealthy']), group(['healthy', 'draining'])])] });
    expect(statuses(outcomes)).toEqual(['web:pass']);
    expect(outcomes[0]?.message).toBe('Load balancer web has 1 healthy target(s)');
  });

  it.each<[LoadBalancerTypeEnum | undefined, number]>([
    ['application', 16.43], // 0.0225 x 730
    ['network', 16.43], // 0.0225 x 730
    ['gateway', 9.13], // 0.0125 x 730
    [undefined, 16.43], // unknown type priced as an ALB
  ])('fails a %s load balancer without healthy targets at $%s a month', (type, expected) => {
    const [outcome] = runCheck(loadBalancerHasTargets, { loadBalancers: [lb('idle', type, [group(['unhealthy', 'initial'])])] });
    expect(outcome?.status).toBe('fail');
    expect(monthly(outcome)).toBe(expected);
  });

  it('fails a load balancer with no target group at all, priced by region (eu-west-1: 0.0225 x 1.1 x 730 = $18.07)', () => {
    const [outcome] = runCheck(loadBalancerHasTargets, { loadBalancers: [lb('empty', 'application', [], {}, 'eu-west-1')] });
    expect(monthly(outcome)).toBe(18.07);
    expect(outcome?.message).toBe('Load balancer empty has no target groups; it costs $18.07 a month before capacity-unit charges');
  });

  it('counts "unavailable" targets as serving only when health checks are off', () => {
    const outcomes = runCheck(loadBalancerHasTargets, {
      loadBalancers: [lb('fn', 'application', [group(['unavailable'], false)]), lb('broken', 'application', [group(['unavailable'])])],
    });
    expect(statuses(outcomes)).toEqual(['fn:pass', 'broken:fail']);
  });

  it('is unknown when target groups or target health could not be read, unless something is healthy', () => {
    const denied: TargetGroupHealth = { group: { TargetGroupName: 'locked' }, health: [], error: 'AccessDenied' };
    const outcomes = runCheck(loadBalancerHasTargets, {
      loadBalancers: [
        lb('no-groups', 'application', [], { error: 'AccessDenied' }),
        lb('no-health', 'network', [denied, group(['unhealthy'])]),
        lb('partly', 'network', [denied, group(['healthy'])]),
      ],
    });
    expect(statuses(outcomes)).toEqual(['no-groups:unknown', 'no-health:unknown', 'partly:pass']);
  });

  it('passes a load balancer that is still provisioning', () => {
    const provisioning = lb('new', 'application', []);
    const outcomes = runCheck(loadBalancerHasTargets, {
      loadBalancers: [{ ...provisioning, data: { ...provisioning.data, loadBalancer: { State: { Code: 'provisioning' } } } }],
    });
    expect(statuses(outcomes)).toEqual(['new:pass']);
  });

  it('returns nothing for a region without load balancers', () => {
    expect(runCheck(loadBalancerHasTargets, { loadBalancers: [] })).toEqual([]);
  });
});
