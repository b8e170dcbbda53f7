import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { aResource, runCheck, statuses } from '../check-test-kit.js';
import { groupEncrypted } from './group-encrypted.js';

const group = (id: string, data: LogGroup) => aResource<LogGroup>({ logGroupName: id, ...data }, { id, type: 'AWS::Logs::LogGroup' });

describe('logs.group-encrypted', () => {
  it('passes a group with a KMS key and fails one without (or with an empty id)', () => {
    const outcomes = runCheck(groupEncrypted, {
      logGroups: [group('/kms', { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k' }), group('/plain', {}), group('/empty', { kmsKeyId: '' })],
    });
    expect(statuses(outcomes)).toEqual(['/kms:pass', '/plain:fail', '/empty:fail']);
  });

  it('returns nothing for a region without log groups', () => {
    expect(runCheck(groupEncrypted, { logGroups: [] })).toEqual([]);
  });
});
