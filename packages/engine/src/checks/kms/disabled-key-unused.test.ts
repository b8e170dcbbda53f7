import { describe, expect, it } from 'vitest';
import { runCheck, statuses } from '../check-test-kit.js';
import { disabledKeyUnused } from './disabled-key-unused.js';
import { aKey } from './kms-test-resources.js';

describe('kms.disabled-key-unused', () => {
  it('fails a disabled customer key with $1/month in any region, passes other states', () => {
    const outcomes = runCheck(disabledKeyUnused, {
      keys: [
        aKey('disabled', { KeyState: 'Disabled' }, null, 'ap-southeast-2'),
        aKey('enabled', { KeyState: 'Enabled' }),
        aKey('deleting', { KeyState: 'PendingDeletion' }),
      ],
    });
    expect(statuses(outcomes)).toEqual(['disabled:fail', 'enabled:pass', 'deleting:pass']);
    const failed = outcomes[0];
    expect(failed?.status === 'fail' && failed.savings?.monthlyUsd).toBe(1);
    expect(failed?.status === 'fail' && failed.savings?.basis).toContain('$1.00/month per customer managed KMS key');
  });

  it('skips AWS managed keys and answers unknown for unreadable ones', () => {
    const outcomes = runCheck(disabledKeyUnused, {
      keys: [aKey('aws', { KeyManager: 'AWS', KeyState: 'Disabled' }), aKey('hidden', { error: 'AccessDeniedException' })],
    });
    expect(statuses(outcomes)).toEqual(['hidden:unknown']);
  });

  it('returns nothing for a region without keys', () => {
    expect(runCheck(disabledKeyUnused, { keys: [] })).toEqual([]);
  });
});
