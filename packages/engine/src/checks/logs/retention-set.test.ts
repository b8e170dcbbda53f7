import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { retentionSet } from './retention-set.js';

const group = (id: string, data: LogGroup, region = 'us-east-1') =>
  aResource<LogGroup>({ logGroupName: id, ...data }, { id, region, type: 'AWS::Logs::LogGroup' });
const GIB = 1024 ** 3;

describe('logs.retention-set', () => {
  it('passes groups with retention and fails those that never expire, priced by stored volume', () => {
    const outcomes = runCheck(retentionSet, {
      logGroups: [group('/kept', { retentionInDays: 30, storedBytes: 500 * GIB }), group('/forever', { storedBytes: 100 * GIB })],
    });
    expect(statuses(outcomes)).toEqual(['/kept:pass', '/forever:fail']);
    const failed = outcomes[1];
    expect(failed?.message).toBe('Log group /forever never expires its events (100.00 GB stored today)');
    expect(failed?.status === 'fail' && failed.savings?.monthlyUsd).toBe(3);
    expect(failed?.status === 'fail' && failed.savings?.basis).toContain('grows every month');
  });

  it('prices by the region and handles a group with no stored bytes', () => {
    const outcomes = runCheck(retentionSet, {
      logGroups: [group('/eu', { storedBytes: 10 * GIB }, 'eu-west-1'), group('/new', {})],
    });
    expect(outcomes.map((o) => (o.status === 'fail' ? o.savings?.monthlyUsd : null))).toEqual([0.33, 0]);
  });

  it('returns nothing for a region without log groups', () => {
    expect(runCheck(retentionSet, { logGroups: [] })).toEqual([]);
  });
});
