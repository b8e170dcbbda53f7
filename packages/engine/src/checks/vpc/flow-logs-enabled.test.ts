import type { FlowLog, Vpc } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT, aResource, runCheck, statuses } from '../check-test-kit.js';
import { flowLogsEnabled } from './flow-logs-enabled.js';

const vpc = (id: string, data: Vpc = {}, name?: string) =>
  aResource<Vpc>({ VpcId: id, OwnerId: TEST_ACCOUNT, ...data }, { id, tags: name ? { Name: name } : {} });
const flowLog = (id: string, data: FlowLog) => aResource<FlowLog>({ FlowLogId: id, ...data }, { id });

describe('vpc.flow-logs-enabled', () => {
  it('passes a VPC with an active flow log on it and fails one without', () => {
    const outcomes = runCheck(flowLogsEnabled, {
      vpcs: [vpc('vpc-logged'), vpc('vpc-dark', {}, 'prod')],
      flowLogs: [flowLog('fl-1', { ResourceId: 'vpc-logged', FlowLogStatus: 'ACTIVE' })],
    });
    expect(statuses(outcomes)).toEqual(['vpc-logged:pass', 'vpc-dark:fail']);
    expect(outcomes[0]?.message).toBe('VPC vpc-logged has active flow log fl-1');
    expect(outcomes[1]?.message).toBe('VPC vpc-dark (prod) has no active flow log');
  });

  it.each<[string, FlowLog]>([
    ['a flow log on a subnet only', { ResourceId: 'subnet-1', FlowLogStatus: 'ACTIVE' }],
    ['a flow log that is not active', { ResourceId: 'vpc-1', FlowLogStatus: 'INACTIVE' }],
    ['a flow log without a status', { ResourceId: 'vpc-1' }],
  ])('fails a VPC with %s', (_name, data) => {
    const outcomes = runCheck(flowLogsEnabled, { vpcs: [vpc('vpc-1')], flowLogs: [flowLog('fl-x', data)] });
    expect(statuses(outcomes)).toEqual(['vpc-1:fail']);
  });

  it('skips a VPC shared by another account, which its owner logs', () => {
    const outcomes = runCheck(flowLogsEnabled, { vpcs: [vpc('vpc-shared', { OwnerId: '999988887777' })], flowLogs: [] });
    expect(outcomes).toEqual([]);
  });

  it('evaluates a VPC whose owner is not reported, and returns nothing without VPCs', () => {
    expect(statuses(runCheck(flowLogsEnabled, { vpcs: [aResource<Vpc>({ VpcId: 'v' }, { id: 'v' })], flowLogs: [] }))).toEqual([
      'v:fail',
    ]);
    expect(runCheck(flowLogsEnabled, { vpcs: [], flowLogs: [] })).toEqual([]);
  });
});
